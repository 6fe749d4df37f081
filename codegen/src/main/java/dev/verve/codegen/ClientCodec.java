package dev.verve.codegen;

import io.vertx.codegen.processor.type.ClassKind;
import io.vertx.codegen.processor.type.ClassTypeInfo;
import io.vertx.codegen.processor.type.MapperInfo;
import io.vertx.codegen.processor.type.PrimitiveTypeInfo;
import io.vertx.codegen.processor.type.TypeInfo;
import io.vertx.serviceproxy.generator.GeneratorUtils;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The expressions of one generated method: a parameter to its JSON value (the form the event-bus proxy
 * sends), a decoded JSON value (a result, a stream item, an argument) back to its declared type, and an
 * item back to JSON. Lambda variables are renamed when a parameter already has their name, since Java
 * lambdas may not shadow locals.
 */
final class ClientCodec {

  static final String JSON_RESULTS = "dev.verve.client.JsonResults";

  private static final Map<String, String> DECODERS = Map.of(
    "java.lang.Boolean", "toBoolean",
    "java.lang.Byte", "toByte",
    "java.lang.Short", "toShort",
    "java.lang.Integer", "toInteger",
    "java.lang.Long", "toLong",
    "java.lang.Float", "toFloat",
    "java.lang.Double", "toDouble",
    "java.lang.String", "toString",
    JsonTypes.JSON_OBJECT, "toJsonObject",
    JsonTypes.JSON_ARRAY, "toJsonArray");

  private final Imports imports;
  private final Set<String> params;

  ClientCodec(Imports imports, Set<String> params) {
    this.imports = imports;
    this.params = params;
  }

  /** {@code base}, or {@code base_}... if a parameter is called that. */
  String fresh(String base) {
    String name = base;
    while (params.contains(name)) {
      name += "_";
    }
    return name;
  }

  /** The JSON value of parameter {@code name}; {@code null} stays {@code null}. */
  String encode(String name, TypeInfo type) {
    if (JsonTypes.isContainer(type)) {
      TypeInfo element = JsonTypes.element(type);
      String jsonArray = imports.use(JsonTypes.JSON_ARRAY);
      String guard = name + " == null ? null : ";
      if (type.getKind() == ClassKind.MAP) {
        String jsonObject = imports.use(JsonTypes.JSON_OBJECT);
        if (!JsonTypes.isDataObject(element)) {
          return guard + "new " + jsonObject + "(new " + imports.use("java.util.LinkedHashMap") + "<"
            + imports.use("java.lang.String") + ", " + imports.use("java.lang.Object") + ">(" + name + "))";
        }
        String json = fresh("json");
        String e = fresh("e");
        return guard + name + ".entrySet().stream().collect(" + jsonObject + "::new, (" + json + ", " + e + ") -> "
          + json + ".put(" + e + ".getKey(), " + serialize(e + ".getValue()", element) + "), " + jsonObject + "::mergeIn)";
      }
      if (!JsonTypes.isDataObject(element)) {
        return guard + "new " + jsonArray + "(new " + imports.use("java.util.ArrayList") + "<>(" + name + "))";
      }
      String v = fresh("v");
      return guard + "new " + jsonArray + "(" + name + ".stream().map(" + v + " -> " + serialize(v, element)
        + ").collect(" + imports.use("java.util.stream.Collectors") + ".toList()))";
    }
    if (JsonTypes.isDataObject(type)) {
      return serialize(name, type);
    }
    if (JsonTypes.isEnum(type)) {
      return name + " == null ? null : " + name + ".name()";
    }
    return name; // basic and JSON types are JSON values already
  }

  /**
   * The JSON value of {@code name}, an {@code Object} holding a {@code type} (a stream's item, as the
   * descriptor's encoder receives it). Containers are cast to wildcard types and their elements one by one,
   * so no cast is unchecked.
   */
  String encodeObject(String name, TypeInfo type) {
    String guard = name + " == null ? null : ";
    if (JsonTypes.isContainer(type)) {
      TypeInfo element = JsonTypes.element(type);
      if (type.getKind() == ClassKind.MAP) {
        String jsonObject = imports.use(JsonTypes.JSON_OBJECT);
        String json = fresh("json");
        String e = fresh("e");
        String value = JsonTypes.isDataObject(element) ? serialize(cast(e + ".getValue()", element), element) : e + ".getValue()";
        return guard + "((" + imports.use("java.util.Map") + "<?, ?>) " + name + ").entrySet().stream().collect(" + jsonObject
          + "::new, (" + json + ", " + e + ") -> " + json + ".put((" + imports.use("java.lang.String") + ") " + e + ".getKey(), "
          + value + "), " + jsonObject + "::mergeIn)";
      }
      String jsonArray = imports.use(JsonTypes.JSON_ARRAY);
      String collection = "((" + imports.use("java.util.Collection") + "<?>) " + name + ")";
      if (!JsonTypes.isDataObject(element)) {
        return guard + "new " + jsonArray + "(new " + imports.use("java.util.ArrayList") + "<" + imports.use("java.lang.Object")
          + ">(" + collection + "))";
      }
      String v = fresh("v");
      return guard + "new " + jsonArray + "(" + collection + ".stream().map(" + v + " -> " + serialize(cast(v, element), element)
        + ").collect(" + imports.use("java.util.stream.Collectors") + ".toList()))";
    }
    if (JsonTypes.isDataObject(type)) {
      return serialize(cast(name, type), type);
    }
    if (JsonTypes.isEnum(type)) {
      return guard + cast(name, type) + ".name()";
    }
    return name; // basic and JSON types are JSON values already
  }

  private String cast(String value, TypeInfo type) {
    return "((" + imports.use(type.getName()) + ") " + value + ")";
  }

  /** The function given to {@code Future.map} to turn the decoded JSON result into {@code type}. */
  String decoder(TypeInfo type) {
    if (JsonTypes.isContainer(type)) {
      String v = fresh("v");
      return v + " -> " + decode(v, type);
    }
    return decoder(type, fresh("v"));
  }

  /** {@code value}, a decoded JSON value (an argument, a result), as a {@code type}. */
  String decode(String value, TypeInfo type) {
    String jsonResults = imports.use(JSON_RESULTS);
    if (JsonTypes.isContainer(type)) {
      String method = type.getKind() == ClassKind.LIST ? "toList" : type.getKind() == ClassKind.SET ? "toSet" : "toMap";
      return jsonResults + "." + method + "(" + value + ", " + decoder(JsonTypes.element(type), fresh("item")) + ")";
    }
    if (JsonTypes.isDataObject(type)) {
      return deserialize(value, (ClassTypeInfo) type, imports);
    }
    if (JsonTypes.isEnum(type)) {
      return jsonResults + ".toEnum(" + imports.use(type.getName()) + ".class, " + value + ")";
    }
    return jsonResults + "." + basicDecoder(type) + "(" + value + ")";
  }

  /**
   * {@code value}, the JSON form of a data object, decoded: vertx-service-proxy's expression
   * ({@code GeneratorUtils.generateDeserializeDataObject}, so both sides decode alike), but with the JSON type
   * cast to as this file names it rather than by its simple name, which a type of the package may hide.
   */
  static String deserialize(String value, ClassTypeInfo type, Imports imports) {
    MapperInfo deserializer = type.getDataObject().getDeserializer();
    String decoded;
    switch (deserializer.getKind()) {
      case SELF:
        String json = imports.use(type.getDataObject().getJsonType().getName());
        decoded = "new " + type.getName() + "((" + json + ")" + value + ")";
        break;
      case STATIC_METHOD:
        String selectors = deserializer.getSelectors().stream().map(s -> "." + s).collect(Collectors.joining());
        decoded = deserializer.getQualifiedName() + selectors + "((" + imports.use(deserializer.getJsonType().getName()) + ")"
          + value + ")";
        break;
      default:
        throw new IllegalStateException("No deserializer for " + type.getName()); // FunctionRules admits no other data object
    }
    return value + " != null ? " + decoded + " : null";
  }

  private String decoder(TypeInfo type, String v) {
    if (JsonTypes.isDataObject(type) || JsonTypes.isEnum(type)) {
      return v + " -> " + decode(v, type);
    }
    return imports.use(JSON_RESULTS) + "::" + basicDecoder(type);
  }

  private static String basicDecoder(TypeInfo type) {
    // A primitive parameter takes the boxed decoder's value, unboxed by the call it is passed to.
    String boxed = type instanceof PrimitiveTypeInfo ? ((PrimitiveTypeInfo) type).getBoxed().getName() : type.getName();
    String method = DECODERS.get(boxed);
    if (method == null) {
      throw new IllegalStateException("No decoder for " + type.getName()); // FunctionRules admits no other type
    }
    return method;
  }

  private String serialize(String value, TypeInfo dataObject) {
    return GeneratorUtils.generateSerializeDataObject(value, (ClassTypeInfo) dataObject);
  }
}
