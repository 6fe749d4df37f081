package dev.verve.codegen;

import io.vertx.codegen.processor.type.ClassKind;
import io.vertx.codegen.processor.type.ClassTypeInfo;
import io.vertx.codegen.processor.type.TypeInfo;

import java.util.Map;

/**
 * The {@code dev.verve.fn.ArgType} expression that validates a parameter's JSON value, e.g.
 * {@code ArgType.listOf(ArgType.INT)}.
 */
final class ArgTypes {

  private static final Map<String, String> BASIC = Map.ofEntries(
    Map.entry("boolean", "BOOLEAN"), Map.entry("java.lang.Boolean", "BOOLEAN"),
    Map.entry("byte", "BYTE"), Map.entry("java.lang.Byte", "BYTE"),
    Map.entry("short", "SHORT"), Map.entry("java.lang.Short", "SHORT"),
    Map.entry("int", "INT"), Map.entry("java.lang.Integer", "INT"),
    Map.entry("long", "LONG"), Map.entry("java.lang.Long", "LONG"),
    Map.entry("float", "FLOAT"), Map.entry("java.lang.Float", "FLOAT"),
    Map.entry("double", "DOUBLE"), Map.entry("java.lang.Double", "DOUBLE"),
    Map.entry("java.lang.String", "STRING"),
    Map.entry("io.vertx.core.json.JsonObject", "JSON_OBJECT"),
    Map.entry("io.vertx.core.json.JsonArray", "JSON_ARRAY"));

  private ArgTypes() {
  }

  static final String ARG_TYPE = "dev.verve.fn.ArgType";

  static String of(TypeInfo type, Imports imports) {
    String argType = imports.use(ARG_TYPE);
    switch (type.getKind()) {
      case LIST:
        return argType + ".listOf(" + of(JsonTypes.element(type), imports) + ")";
      case SET:
        return argType + ".setOf(" + of(JsonTypes.element(type), imports) + ")";
      case MAP:
        return argType + ".mapOf(" + of(JsonTypes.element(type), imports) + ")";
      default:
        break;
    }
    if (JsonTypes.isFile(type)) {
      return argType + ".FILE";
    }
    if (JsonTypes.isDataObject(type)) {
      // Validation runs the very decoding the service handler will run, so what it would reject is a 400.
      String decode = ClientCodec.deserialize("v", (ClassTypeInfo) type, imports);
      return argType + ".dataObject(" + Literals.quote(type.getRaw().getSimpleName()) + ", v -> " + decode + ")";
    }
    if (type.getKind() == ClassKind.ENUM) {
      return argType + ".enumOf(" + imports.use(type.getName()) + ".class)";
    }
    String constant = BASIC.get(type.getName());
    if (constant == null) {
      throw new IllegalStateException("No ArgType for " + type.getName()); // ProxyModel admits no other type
    }
    return argType + "." + constant;
  }
}
