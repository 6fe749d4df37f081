package dev.verve.codegen;

import javax.annotation.processing.Messager;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The code generated for an interface (vertx-service-proxy's proxy and handler, Verve's proxy, descriptor
 * and HTTP client) imports the types below by their simple names, beside the interface's own types. An
 * app's type of one of those names (a {@code @DataObject Message}, the obvious name for a guestbook's entry)
 * makes that code ambiguous, and javac's error would name a generated file; this names the app's class,
 * the clash and the fix instead. vertx-service-proxy's generators cannot be told to qualify their names.
 */
final class GeneratedNames {

  private static final Map<String, String> IMPORTED = new TreeMap<>();

  static {
    for (String type : new String[]{
      "io.vertx.core.AsyncResult", "io.vertx.core.Future", "io.vertx.core.Handler", "io.vertx.core.Vertx",
      "io.vertx.core.eventbus.DeliveryOptions", "io.vertx.core.eventbus.EventBus", "io.vertx.core.eventbus.Message",
      "io.vertx.core.eventbus.MessageConsumer", "io.vertx.core.eventbus.ReplyException",
      "io.vertx.core.json.JsonArray", "io.vertx.core.json.JsonObject", "io.vertx.core.streams.ReadStream",
      "io.vertx.serviceproxy.HelperUtils", "io.vertx.serviceproxy.ProxyHandler", "io.vertx.serviceproxy.ProxyUtils",
      "io.vertx.serviceproxy.ServiceBinder", "io.vertx.serviceproxy.ServiceException",
      "io.vertx.serviceproxy.ServiceExceptionMessageCodec",
      "dev.verve.auth.Access", "dev.verve.client.JsonResults", "dev.verve.client.VerveClient", "dev.verve.fn.ArgType",
      "dev.verve.fn.ParamDescriptor", "dev.verve.fn.ServiceDescriptor", "dev.verve.fn.StreamCalls",
      "dev.verve.fn.UploadedFile",
      "java.util.ArrayList", "java.util.Collection", "java.util.HashSet", "java.util.LinkedHashMap", "java.util.List",
      "java.util.Map", "java.util.Objects", "java.util.Set", "java.util.UUID", "java.util.function.Function",
      "java.util.stream.Collectors"}) {
      IMPORTED.put(type.substring(type.lastIndexOf('.') + 1), type);
    }
  }

  private GeneratedNames() {
  }

  /** Reports, on the method, each type of the interface's methods that takes an imported name. */
  static void check(TypeElement iface, Messager messager) {
    for (ExecutableElement method : StreamFunctions.instanceMethods(iface)) {
      Set<TypeElement> types = new LinkedHashSet<>();
      collect(method.getReturnType(), types);
      for (VariableElement parameter : method.getParameters()) collect(parameter.asType(), types);
      for (TypeElement type : types) {
        String taken = IMPORTED.get(type.getSimpleName().toString());
        String name = type.getQualifiedName().toString();
        if (taken != null && !taken.equals(name)) {
          messager.printMessage(Diagnostic.Kind.ERROR, iface.getSimpleName() + "." + method.getSimpleName() + ": "
            + name + " has the simple name of " + taken + ", which the code generated for " + iface.getSimpleName()
            + " (vertx-service-proxy's proxy and handler, Verve's clients) imports, so that code could not tell"
            + " them apart; rename " + type.getSimpleName() + " (e.g. " + iface.getSimpleName() + type.getSimpleName()
            + "); javac's errors in generated code about " + type.getSimpleName() + " follow from this", method);
        }
      }
    }
  }

  private static void collect(TypeMirror type, Set<TypeElement> into) {
    if (type.getKind() != TypeKind.DECLARED) return;
    DeclaredType declared = (DeclaredType) type;
    if (into.add((TypeElement) declared.asElement())) {
      for (TypeMirror argument : declared.getTypeArguments()) collect(argument, into);
    }
  }
}
