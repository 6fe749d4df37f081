package dev.verve.codegen;

import io.vertx.codegen.processor.ParamInfo;
import io.vertx.codegen.processor.TypeParamInfo;
import io.vertx.codegen.processor.writer.CodeWriter;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every generated implementation of an interface method shares (the HTTP client's, the event-bus
 * proxy's stream methods): the {@code @Override} signature, the JSON object of the arguments, and names
 * that do not collide with the parameters'.
 */
final class ClientMethods {

  private final List<ParamInfo> params;
  private final Set<String> names;
  private final Imports imports;
  final ClientCodec codec;

  ClientMethods(List<ParamInfo> params, Imports imports) {
    this.params = params;
    this.names = params.stream().map(ParamInfo::getName).collect(Collectors.toCollection(HashSet::new));
    this.imports = imports;
    this.codec = new ClientCodec(imports, names);
  }

  /** {@code Future<ReadStream<T>>}, the declared return type of a stream function. */
  static String streamType(ServiceModel.Stream stream, Imports imports) {
    return imports.use(StreamFunctions.FUTURE) + "<" + imports.use(StreamFunctions.READ_STREAM) + "<"
      + imports.type(stream.item()) + ">>";
  }

  /** How the method refers to the class's field {@code name}: qualified when a parameter hides it. */
  String field(String name) {
    return names.contains(name) ? "this." + name : name;
  }

  /** Writes {@code @Override} and the method's header, then indents; the caller writes the body and closes it. */
  void signature(List<? extends TypeParamInfo> typeParams, String returnType, String name, CodeWriter out) {
    String generics = typeParams.isEmpty() ? "" : typeParams.stream()
      .map(TypeParamInfo::getName)
      .collect(Collectors.joining(", ", "<", "> "));
    String list = params.stream()
      .map(p -> imports.type(p.getType()) + " " + p.getName())
      .collect(Collectors.joining(", "));
    out.code("@" + imports.use("java.lang.Override") + "\n");
    out.code("public " + generics + returnType + " " + name + "(" + list + ") {\n");
    out.indent();
  }

  /**
   * Writes the local holding the arguments as the event-bus proxy sends them, one {@code .put} per line,
   * and returns its name; with no parameters writes nothing and returns an empty object's expression.
   */
  String args(CodeWriter out) {
    String jsonObject = imports.use(JsonTypes.JSON_OBJECT);
    if (params.isEmpty()) {
      return "new " + jsonObject + "()";
    }
    String args = codec.fresh("args");
    // CodeWriter.code() starts a new line when the current one is open: one .put per line.
    out.code(jsonObject + " " + args + " = new " + jsonObject + "()").indent();
    for (ParamInfo param : params) {
      out.code(".put(" + Literals.quote(param.getName()) + ", " + codec.encode(param.getName(), param.getType()) + ")");
    }
    out.write(";\n");
    out.unindent();
    return args;
  }
}
