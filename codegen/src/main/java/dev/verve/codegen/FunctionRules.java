package dev.verve.codegen;

import io.vertx.codegen.processor.GenException;
import io.vertx.codegen.processor.ParamInfo;
import io.vertx.codegen.processor.type.ClassKind;
import io.vertx.codegen.processor.type.ParameterizedTypeInfo;
import io.vertx.codegen.processor.type.TypeInfo;
import io.vertx.serviceproxy.generator.model.ProxyMethodInfo;

import javax.lang.model.element.ExecutableElement;

/**
 * The rules a served method must follow beyond what {@code ProxyModel} already enforces (no overloads,
 * legal parameter types). Each failure is a {@link GenException} on the method, so javac reports it at
 * the method's line and the build fails; the message starts with {@code Interface.method:}.
 *
 * <p>Default methods are served like any other: vertx-service-proxy's event-bus proxy overrides them
 * with a remote call and its handler calls the implementation's version, so HTTP does the same and the
 * generated clients stay consistent with the proxy. Static and {@code @ProxyIgnore} methods never get
 * here (see {@link ServiceModel#read}).
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
    for (ParamInfo param : method.getParams()) {
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
    TypeInfo result = ((ParameterizedTypeInfo) method.getReturnType()).getArg(0);
    if (JsonTypes.hasChar(result)) {
      throw new GenException(element, where + "the result is " + result.getSimpleName()
        + ": char cannot be sent as JSON, use String or int");
    }
    String problem = JsonTypes.whyNotSendable(result);
    if (problem != null) {
      throw new GenException(element, where + "the result of a server function must be sendable as JSON: " + problem);
    }
  }
}
