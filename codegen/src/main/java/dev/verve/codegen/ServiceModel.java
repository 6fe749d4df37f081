package dev.verve.codegen;

import io.vertx.codegen.processor.MethodInfo;
import io.vertx.codegen.processor.type.AnnotationValueInfo;
import io.vertx.codegen.processor.type.ClassKind;
import io.vertx.codegen.processor.type.ParameterizedTypeInfo;
import io.vertx.codegen.processor.type.TypeInfo;
import io.vertx.serviceproxy.generator.model.ProxyMethodInfo;
import io.vertx.serviceproxy.generator.model.ProxyModel;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code @ServerFunctions} interface as the generators see it: names, event-bus address, and the
 * served functions in declaration order, each already checked by {@link FunctionRules}.
 */
final class ServiceModel {

  /** Read by name: verve-core is not on the annotation processor path, so the class is not loadable here. */
  static final String ANNOTATION = "dev.verve.ServerFunctions";

  /** One served method: the codegen model, its source element (for error positions) and its result type. */
  record Function(ProxyMethodInfo method, ExecutableElement element, TypeInfo result, AccessRules.Rule access) {
    String name() { return method.getName(); }

    boolean returnsVoid() { return result.getKind() == ClassKind.VOID; }
  }

  private final ProxyModel model;
  private final String address;
  private final List<Function> functions;
  private final List<ProxyMethodInfo> ignored;

  private ServiceModel(ProxyModel model, String address, List<Function> functions, List<ProxyMethodInfo> ignored) {
    this.model = model;
    this.address = address;
    this.functions = functions;
    this.ignored = ignored;
  }

  /**
   * The Verve view of {@code model}, or {@code null} when the interface is not {@code @ServerFunctions}.
   *
   * @throws io.vertx.codegen.processor.GenException if a method breaks a rule
   */
  static ServiceModel read(ProxyModel model) {
    AnnotationValueInfo annotation = model.getAnnotations().stream()
      .filter(a -> a.getName().equals(ANNOTATION))
      .findFirst()
      .orElse(null);
    if (annotation == null) {
      return null;
    }
    Object member = annotation.getMember("address");
    String address = member == null || member.toString().isEmpty() ? model.getIfaceFQCN() : member.toString();

    Map<String, ExecutableElement> elements = new LinkedHashMap<>();
    collectMethods(model.getElement(), elements);
    List<String> order = new ArrayList<>(elements.keySet());
    List<MethodInfo> methods = model.getMethods();
    // codegen's order is Elements.getAllMembers', which promises no source order (javac 17 happens to keep it
    // for own methods); the descriptor and JS module should read like the interface, own methods first.
    methods.sort(Comparator.comparingInt(m -> order.indexOf(m.getName())));

    List<Function> functions = new ArrayList<>();
    List<ProxyMethodInfo> ignored = new ArrayList<>();
    for (MethodInfo info : methods) {
      ProxyMethodInfo method = (ProxyMethodInfo) info;
      if (method.isStaticMethod()) {
        continue; // runs locally, never sent anywhere
      }
      if (method.isProxyIgnore()) {
        ignored.add(method); // not served: no descriptor entry, so no HTTP route
        continue;
      }
      ExecutableElement element = elements.get(method.getName());
      FunctionRules.check(model.getIfaceSimpleName(), method, element);
      AccessRules.Rule access = AccessRules.of(model.getIfaceSimpleName(), method.getName(), element, model.getElement());
      TypeInfo result = ((ParameterizedTypeInfo) method.getReturnType()).getArg(0);
      functions.add(new Function(method, element, result, access));
    }
    return new ServiceModel(model, address, List.copyOf(functions), List.copyOf(ignored));
  }

  // Own methods first, in source order, then inherited ones; the first declaration of a name wins.
  private static void collectMethods(TypeElement type, Map<String, ExecutableElement> into) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      into.putIfAbsent(method.getSimpleName().toString(), method);
    }
    for (TypeMirror parent : type.getInterfaces()) {
      collectMethods((TypeElement) ((DeclaredType) parent).asElement(), into);
    }
  }

  ProxyModel model() { return model; }

  TypeElement element() { return model.getElement(); }

  /** {@code Counter}: the name in {@code /api/Counter/...} and {@code verve/fn/Counter.js}. */
  String simpleName() { return model.getIfaceSimpleName(); }

  String packageName() { return model.getIfacePackageName(); }

  String fqn() { return model.getIfaceFQCN(); }

  /** {@code @ServerFunctions(address)}, or the interface's FQN when empty. */
  String address() { return address; }

  List<Function> functions() { return functions; }

  /** {@code @ProxyIgnore} instance methods: not served, but a client implementing the interface must still have them. */
  List<ProxyMethodInfo> ignored() { return ignored; }
}
