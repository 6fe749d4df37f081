package dev.verve.codegen;

import io.vertx.codegen.processor.GenException;
import io.vertx.codegen.processor.ParamInfo;
import io.vertx.codegen.processor.type.ClassKind;
import io.vertx.codegen.processor.type.ParameterizedTypeInfo;
import io.vertx.codegen.processor.type.TypeInfo;
import io.vertx.serviceproxy.generator.model.ProxyMethodInfo;

import javax.lang.model.element.ExecutableElement;
import java.util.List;

/**
 * The rules a served method must follow beyond what {@code ProxyModel} already enforces (no overloads,
 * legal parameter types). Each failure is a {@link GenException} on the method, so javac reports it at
 * the method's line and the build fails; the message starts with {@code Interface.method:}.
 *
 * <p>Default methods are served like any other: vertx-service-proxy's event-bus proxy overrides them
 * with a remote call and its handler calls the implementation's version, so HTTP does the same and the
 * generated clients stay consistent with the proxy. Static and {@code @ProxyIgnore} methods never get
 * here (see {@link ServiceModel#read}). Stream functions ({@link StreamFunctions}) follow the same rules,
 * checked by {@link #checkStream}.
 */
final class FunctionRules {

  private FunctionRules() {
  }

  static void check(String iface, ProxyMethodInfo method, ExecutableElement element) {
    String where = iface + "." + method.getName() + ": ";
    if (method.isProxyClose()) {
      throw new GenException(element, where + "@ProxyClose is not allowed in a @ServerFunctions interface"
        + " (server functions are stateless calls; there is no proxy session to close)");
    }
    if (method.getReturnType().getKind() != ClassKind.FUTURE || !(method.getReturnType() instanceof ParameterizedTypeInfo)) {
      throw new GenException(element, where + "a server function must return Future<T>, not "
        + method.getReturnType().getSimpleName() + " (use Future<Void> for no result)");
    }
    checkParams(where, element, method.getParams());
    TypeInfo result = ((ParameterizedTypeInfo) method.getReturnType()).getArg(0);
    checkSendable(where, element, result, "the result is ", "the result of a server function");
  }

  /**
   * A stream function's rules: those of a function's parameters and result (here the item type), plus
   * what {@code ProxyModel} would have checked had it seen the method; no files, no stream of nothing.
   */
  static void checkStream(String iface, ServiceModel.Stream stream) {
    String where = iface + "." + stream.name() + ": ";
    ExecutableElement element = stream.element();
    for (ParamInfo param : stream.params()) {
      if (JsonTypes.isFile(param.getType())) {
        throw new GenException(element, where + "parameter '" + param.getName() + "' is "
          + param.getType().getSimpleName() + ", but a stream function takes JSON arguments only (it is opened with"
          + " a JSON body, never a multipart form); upload the file with a server function and pass what identifies it");
      }
    }
    checkParams(where, element, stream.params());
    for (ParamInfo param : stream.params()) {
      String problem = JsonTypes.whyNotParam(param.getType());
      if (problem != null) {
        throw new GenException(element, where + "parameter '" + param.getName() + "' must be sendable as JSON: " + problem);
      }
    }
    if (stream.item().getKind() == ClassKind.VOID) {
      throw new GenException(element, where + "a stream of Void carries nothing; stream items of a JSON-sendable"
        + " type, or return Future<Void> from a server function");
    }
    checkSendable(where, element, stream.item(), "the items are ", "the items of a stream function");
  }

  private static void checkParams(String where, ExecutableElement element, List<ParamInfo> params) {
    for (ParamInfo param : params) {
      if (JsonTypes.hasChar(param.getType())) {
        throw new GenException(element, where + "parameter '" + param.getName() + "' is "
          + param.getType().getSimpleName() + ": char cannot be sent as JSON, use String or int");
      }
      if (param.isNullable() && JsonTypes.isContainer(param.getType())) {
        // The generated handler calls json.getJsonArray(name).stream() (getJsonObject for maps): null is an NPE there.
        throw new GenException(element, where + "parameter '" + param.getName() + "' is @Nullable "
          + param.getType().getSimpleName() + ", but vertx-service-proxy cannot pass null for a List, Set or Map;"
          + " drop @Nullable and send an empty one");
      }
    }
  }

  // `is` starts the char message ("the result is List<Character>"), `what` the others.
  private static void checkSendable(String where, ExecutableElement element, TypeInfo type, String is, String what) {
    if (JsonTypes.hasChar(type)) {
      throw new GenException(element, where + is + type.getSimpleName() + ": char cannot be sent as JSON, use String or int");
    }
    String problem = JsonTypes.whyNotSendable(type);
    if (problem != null) {
      throw new GenException(element, where + what + " must be sendable as JSON: " + problem);
    }
  }
}
