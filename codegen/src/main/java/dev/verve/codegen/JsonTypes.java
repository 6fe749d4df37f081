package dev.verve.codegen;

import io.vertx.codegen.processor.type.ClassKind;
import io.vertx.codegen.processor.type.ParameterizedTypeInfo;
import io.vertx.codegen.processor.type.TypeInfo;

/**
 * Which codegen types travel as JSON, and how. A function's parameters were already vetted by
 * {@code ProxyModel}; results were not (it accepts any {@code Future<T>}), nor is anything of a stream
 * function (it is not in the model), so {@link #whyNotSendable} and {@link #whyNotParam} decide for them.
 */
final class JsonTypes {

  // The generated files reserve these simple names: the code they write uses them unqualified.
  static final String JSON_OBJECT = "io.vertx.core.json.JsonObject";
  static final String JSON_ARRAY = "io.vertx.core.json.JsonArray";

  private JsonTypes() {
  }

  /** {@code List<E>}/{@code Set<E>} give E, {@code Map<String, V>} gives V. */
  static TypeInfo element(TypeInfo container) {
    ParameterizedTypeInfo type = (ParameterizedTypeInfo) container;
    return type.getKind() == ClassKind.MAP ? type.getArg(1) : type.getArg(0);
  }

  static boolean isContainer(TypeInfo type) {
    ClassKind kind = type.getKind();
    return (kind == ClassKind.LIST || kind == ClassKind.SET || kind == ClassKind.MAP) && type instanceof ParameterizedTypeInfo;
  }

  /** {@code char} or {@code Character}, also as a container element. */
  static boolean hasChar(TypeInfo type) {
    if (isContainer(type)) {
      return ((ParameterizedTypeInfo) type).getArgs().stream().anyMatch(JsonTypes::hasChar);
    }
    return type.getName().equals("char") || type.getName().equals("java.lang.Character");
  }

  /** A data object the handler can write and a client can read back. */
  static boolean isDataObject(TypeInfo type) {
    return type.isDataObjectHolder();
  }

  /** Must equal {@code dev.verve.fn.UploadedFile}: a file field of a multipart form. */
  static final String UPLOADED_FILE = "dev.verve.fn.UploadedFile";

  /** An {@code UploadedFile}, or a list or set of them. */
  static boolean isFile(TypeInfo type) {
    return type.getName().equals(UPLOADED_FILE)
      || isContainer(type) && type.getKind() != ClassKind.MAP && isFile(element(type));
  }

  static boolean isEnum(TypeInfo type) {
    return type.getKind() == ClassKind.ENUM && !type.isDataObjectHolder();
  }

  /**
   * {@code null} when a {@code Future} of this type can be answered as JSON, otherwise what is wrong with
   * it. Allowed: what a proxy parameter may be (basic types, JSON types, enums, data objects, and
   * {@code List}/{@code Set}/{@code Map<String, ...>} of basic, JSON or data object types), and Void.
   */
  static String whyNotSendable(TypeInfo type) {
    if (type.getKind() == ClassKind.VOID) {
      return null;
    }
    return whyNot(type, "result", ", Void");
  }

  /**
   * {@code null} when a parameter of this type can be sent as JSON, otherwise what is wrong with it: the
   * types vertx-service-proxy admits as proxy parameters. {@code ProxyModel} checks those of functions; a
   * stream function is not in its model, so its parameters are checked here.
   */
  static String whyNotParam(TypeInfo type) {
    return whyNot(type, "parameter", "");
  }

  private static String whyNot(TypeInfo type, String role, String alsoAllowed) {
    if (isContainer(type)) {
      ParameterizedTypeInfo container = (ParameterizedTypeInfo) type;
      if (type.getKind() == ClassKind.MAP && !container.getArg(0).getName().equals("java.lang.String")) {
        return "a Map " + role + " must have String keys (it becomes a JSON object)";
      }
      TypeInfo element = element(type);
      if (element.getKind().basic || element.getKind().json) {
        return null;
      }
      if (isDataObject(element)) {
        return whyNotCodec(element);
      }
      return element.getSimpleName() + " cannot be an element of a " + role + " " + type.getRaw().getSimpleName()
        + " (allowed: basic types, JsonObject, JsonArray, @DataObject)";
    }
    if (type.getKind().basic || type.getKind().json || isEnum(type)) {
      return null;
    }
    if (isDataObject(type)) {
      return whyNotCodec(type);
    }
    return type.getSimpleName() + " cannot be sent as JSON (allowed: basic types, JsonObject, JsonArray, enums,"
      + " @DataObject, List/Set/Map<String, ...> of those" + alsoAllowed + ")";
  }

  private static String whyNotCodec(TypeInfo dataObject) {
    if (dataObject.getDataObject().isSerializable() && dataObject.getDataObject().isDeserializable()) {
      return null;
    }
    return "data object " + dataObject.getSimpleName() + " needs both a JSON constructor (or deserializer)"
      + " and toJson() (or serializer): the server writes it, clients read it back";
  }
}
