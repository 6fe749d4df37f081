package dev.verve.codegen;

import io.vertx.codegen.processor.type.ClassKind;
import io.vertx.codegen.processor.type.EnumTypeInfo;
import io.vertx.codegen.processor.type.TypeInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Schemas (OpenAPI 3.1's dialect) of the types a function takes and gives. Enums and data objects
 * become named {@code components/schemas}, collected in {@link #components}, referenced with {@code $ref}.
 */
final class Schemas {

  /**
   * Types with a wire form of their own, by FQN: their schema is written as given instead of being read
   * from their members. The place for, say, an upload type sent as {@code format: binary} in a form.
   */
  static final String UPLOADED_FILE = "dev.verve.fn.UploadedFile";

  /** Types whose JSON form is not their getters': an upload travels as its name, type and base64 bytes. */
  private static final Map<String, Map<String, Object>> SPECIAL = Map.of(UPLOADED_FILE, uploadedFile());

  private static final Map<String, Map<String, Object>> BASIC = Map.ofEntries(
    Map.entry("boolean", Map.of("type", "boolean")),
    Map.entry("byte", integer("int32", Byte.MIN_VALUE, Byte.MAX_VALUE)),
    Map.entry("short", integer("int32", Short.MIN_VALUE, Short.MAX_VALUE)),
    Map.entry("int", Map.of("type", "integer", "format", "int32")),
    Map.entry("long", Map.of("type", "integer", "format", "int64")),
    Map.entry("float", Map.of("type", "number", "format", "float")),
    Map.entry("double", Map.of("type", "number", "format", "double")),
    Map.entry("java.lang.String", Map.of("type", "string")),
    Map.entry("io.vertx.core.json.JsonObject", Map.of("type", "object")),
    Map.entry("io.vertx.core.json.JsonArray", Map.of("type", "array")),
    // Only as members of data objects (functions cannot take them): how Vert.x's JSON writes them.
    Map.entry("io.vertx.core.buffer.Buffer", Map.of("type", "string", "contentEncoding", "base64")),
    Map.entry("java.time.Instant", Map.of("type", "string", "format", "date-time")));

  private static final Map<String, String> UNBOXED = Map.of("java.lang.Boolean", "boolean", "java.lang.Byte", "byte",
    "java.lang.Short", "short", "java.lang.Integer", "int", "java.lang.Long", "long", "java.lang.Float", "float",
    "java.lang.Double", "double");

  private final DataObjects dataObjects;
  /** Named schemas used so far, by simple name. */
  final Map<String, Object> components = new TreeMap<>();

  Schemas(DataObjects dataObjects) {
    this.dataObjects = dataObjects;
  }

  Map<String, Object> of(TypeInfo type) {
    switch (JsonTypes.isContainer(type) ? type.getKind() : ClassKind.OTHER) {
      case LIST:
      case SET: {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("items", of(JsonTypes.element(type)));
        if (type.getKind() == ClassKind.SET) schema.put("uniqueItems", true);
        return schema;
      }
      case MAP: {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("additionalProperties", of(JsonTypes.element(type)));
        return schema;
      }
      default:
        break;
    }
    String name = type.getName();
    Map<String, Object> basic = BASIC.get(UNBOXED.getOrDefault(name, name));
    if (basic != null) {
      return new LinkedHashMap<>(basic); // Buffer included, though codegen counts it as a data object
    }
    if (SPECIAL.containsKey(name)) {
      return ref(type.getRaw().getSimpleName(), SPECIAL.get(name));
    }
    if (JsonTypes.isDataObject(type)) {
      return dataObject(type);
    }
    if (type.getKind() == ClassKind.ENUM) {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "string");
      schema.put("enum", new ArrayList<>(((EnumTypeInfo) type.getRaw()).getValues()));
      return ref(type.getRaw().getSimpleName(), schema);
    }
    // Parameters and results were vetted, but a data object's members were not: one of a type not
    // described here (an Object, a type with a converter of its own) is any JSON value.
    return new LinkedHashMap<>();
  }

  /** {@code schema} that also admits {@code null} (a {@code @Nullable} parameter). */
  static Map<String, Object> orNull(Map<String, Object> schema) {
    Map<String, Object> nullable = new LinkedHashMap<>();
    nullable.put("anyOf", List.of(schema, Map.of("type", "null")));
    return nullable;
  }

  private Map<String, Object> dataObject(TypeInfo type) {
    String name = type.getRaw().getSimpleName();
    if (components.containsKey(name)) {
      return Map.of("$ref", "#/components/schemas/" + name);
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    components.put(name, schema); // first, so that a data object that contains itself refers to itself
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (DataObjects.Property property : dataObjects.properties(type)) {
      properties.put(property.name(), member(property));
      if (property.required()) required.add(property.name());
    }
    if (!properties.isEmpty()) schema.put("properties", properties);
    if (!required.isEmpty()) schema.put("required", required);
    return Map.of("$ref", "#/components/schemas/" + name);
  }

  private Map<String, Object> member(DataObjects.Property property) {
    Map<String, Object> element = of(property.type());
    Map<String, Object> schema = new LinkedHashMap<>();
    switch (property.container()) {
      case LIST:
      case SET:
        schema.put("type", "array");
        schema.put("items", element);
        if (property.container() == DataObjects.Container.SET) schema.put("uniqueItems", true);
        return schema;
      case MAP:
        schema.put("type", "object");
        schema.put("additionalProperties", element);
        return schema;
      default:
        return element;
    }
  }

  private static Map<String, Object> uploadedFile() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("name", Map.of("type", "string", "description", "The file's name, without a directory."));
    properties.put("contentType", Map.of("type", "string", "description", "Its media type."));
    properties.put("bytes", Map.of("type", "string", "contentEncoding", "base64", "description", "Its content."));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("description", "An uploaded file: a multipart/form-data part, or this object in JSON.");
    schema.put("properties", properties);
    schema.put("required", List.of("bytes"));
    return schema;
  }

  /** A file part of a multipart/form-data body. */
  static Map<String, Object> filePart() {
    return new LinkedHashMap<>(Map.of("type", "string", "format", "binary"));
  }

  private Map<String, Object> ref(String name, Map<String, Object> schema) {
    components.putIfAbsent(name, schema);
    return Map.of("$ref", "#/components/schemas/" + name);
  }

  private static Map<String, Object> integer(String format, long min, long max) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "integer");
    schema.put("format", format);
    schema.put("minimum", min);
    schema.put("maximum", max);
    return schema;
  }
}
