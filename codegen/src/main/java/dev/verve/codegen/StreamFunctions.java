package dev.verve.codegen;

import io.vertx.codegen.processor.GenException;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which methods are stream functions ({@code Future<ReadStream<T>>}) and how one must be declared.
 * vertx-service-proxy cannot carry a {@code ReadStream}: its handler generator fails on one, so a stream
 * function is {@code @GenIgnore} (codegen leaves it out of the {@code ProxyModel}) and {@code default} (the
 * event-bus proxy, which does not override it, still compiles). Verve finds such methods on the elements.
 */
final class StreamFunctions {

  static final String GEN_IGNORE = "io.vertx.codegen.annotations.GenIgnore";
  static final String FUTURE = "io.vertx.core.Future";
  static final String READ_STREAM = "io.vertx.core.streams.ReadStream";

  private StreamFunctions() {
  }

  /** Instance methods of {@code type} and its super-interfaces: own ones first in source order, each once. */
  static List<ExecutableElement> instanceMethods(TypeElement type) {
    Set<ExecutableElement> methods = new LinkedHashSet<>();
    collect(type, methods);
    return new ArrayList<>(methods);
  }

  private static void collect(TypeElement type, Set<ExecutableElement> into) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.STATIC)) {
        into.add(method);
      }
    }
    for (TypeMirror parent : type.getInterfaces()) {
      collect((TypeElement) ((DeclaredType) parent).asElement(), into);
    }
  }

  /**
   * Fails unless {@code stream} is the only method of its name among {@code methods} (an override of it
   * aside): {@code ProxyModel} refuses overloads only among the methods it models, which streams are not.
   */
  static void checkUniqueName(String iface, ExecutableElement stream, List<ExecutableElement> methods,
                              Elements elements, TypeElement served) {
    for (ExecutableElement other : methods) {
      if (other != stream && other.getSimpleName().contentEquals(stream.getSimpleName())
        && !elements.overrides(stream, other, served) && !elements.overrides(other, stream, served)) {
        throw new GenException(stream, iface + "." + stream.getSimpleName() + ": another method has the same name;"
          + " overloads are not allowed in a @ServerFunctions interface (the name is the HTTP path and the JS function)");
      }
    }
  }

  /** Whether {@code returnType} is {@code Future<ReadStream<T>>}. */
  static boolean isStream(TypeMirror returnType) {
    return item(returnType) != null;
  }

  /** The {@code T} of {@code Future<ReadStream<T>>}, or {@code null} for any other type. */
  static TypeMirror item(TypeMirror returnType) {
    TypeMirror stream = argumentOf(returnType, FUTURE);
    return stream == null ? null : argumentOf(stream, READ_STREAM);
  }

  // The single type argument of `raw<X>`, or null when `type` is something else (a wildcard included).
  private static TypeMirror argumentOf(TypeMirror type, String raw) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    boolean matches = ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(raw)
      && declared.getTypeArguments().size() == 1;
    return matches ? declared.getTypeArguments().get(0) : null;
  }

  /**
   * {@code null} when the stream function {@code method} is declared {@code default} and {@code @GenIgnore},
   * otherwise the error, which shows the declaration to write.
   */
  static String declarationProblem(String iface, ExecutableElement method) {
    boolean isDefault = method.isDefault();
    boolean ignored = method.getAnnotationMirrors().stream()
      .anyMatch(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(GEN_IGNORE));
    if (isDefault && ignored) {
      return null;
    }
    String missing = !isDefault && !ignored ? "neither default nor @GenIgnore" : !isDefault ? "not default" : "not @GenIgnore";
    String params = method.getParameters().stream()
      .map(p -> simpleNames(p.asType().toString()) + " " + p.getSimpleName())
      .collect(Collectors.joining(", "));
    return iface + "." + method.getSimpleName() + ": a stream function must be declared default and @GenIgnore"
      + " (this one is " + missing + "): vertx-service-proxy cannot carry a ReadStream, so it must skip the method"
      + " and Verve serves it. Declare it as\n"
      + "  @GenIgnore // a stream: served by Verve, skipped by vertx-service-proxy\n"
      + "  default " + simpleNames(method.getReturnType().toString()) + " " + method.getSimpleName() + "(" + params + ") {\n"
      + "    return Streams.declared();\n"
      + "  }\n"
      + "(imports: io.vertx.codegen.annotations.GenIgnore, dev.verve.fn.Streams)";
  }

  /** {@code io.vertx.core.Future<java.util.List<a.B>>} as {@code Future<List<B>>}: readable in a message. */
  static String simpleNames(String type) {
    return type.replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)", "$1");
  }
}
