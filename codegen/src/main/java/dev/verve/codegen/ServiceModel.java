package dev.verve.codegen;

import io.vertx.codegen.processor.GenException;
import io.vertx.codegen.processor.MethodInfo;
import io.vertx.codegen.processor.ParamInfo;
import io.vertx.codegen.processor.type.AnnotationValueInfo;
import io.vertx.codegen.processor.type.ClassKind;
import io.vertx.codegen.processor.type.ParameterizedTypeInfo;
import io.vertx.codegen.processor.type.TypeInfo;
import io.vertx.serviceproxy.generator.model.ProxyMethodInfo;
import io.vertx.serviceproxy.generator.model.ProxyModel;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code @ServerFunctions} interface as the generators see it: names, event-bus address, the served
 * functions in declaration order and then its stream functions in declaration order, each already checked
 * by {@link FunctionRules}.
 */
final class ServiceModel {

  /** Read by name: verve-core is not on the annotation processor path, so the class is not loadable here. */
  static final String ANNOTATION = "dev.verve.ServerFunctions";

  /** One served method: the codegen model, its source element (for error positions) and its result type. */
  record Function(ProxyMethodInfo method, ExecutableElement element, TypeInfo result, AccessRules.Rule access) {
    String name() { return method.getName(); }

    boolean returnsVoid() { return result.getKind() == ClassKind.VOID; }
  }

  /**
   * One stream function ({@code Future<ReadStream<T>>}): not in the {@code ProxyModel} (it is
   * {@code @GenIgnore}), so modelled here from its element; {@code item} is {@code T}.
   */
  record Stream(String name, ExecutableElement element, List<ParamInfo> params, TypeInfo item, AccessRules.Rule access) {
  }

  private final ProxyModel model;
  private final String address;
  private final List<Function> functions;
  private final List<Stream> streams;
  private final List<ProxyMethodInfo> ignored;

  private ServiceModel(ProxyModel model, String address, List<Function> functions, List<Stream> streams,
                       List<ProxyMethodInfo> ignored) {
    this.model = model;
    this.address = address;
    this.functions = functions;
    this.streams = streams;
    this.ignored = ignored;
  }

  /**
   * The Verve view of {@code model}, or {@code null} when the interface is not {@code @ServerFunctions}.
   * {@code env} gives the types of the stream functions, which codegen did not model.
   *
   * @throws io.vertx.codegen.processor.GenException if a method breaks a rule
   */
  static ServiceModel read(ProxyModel model, ProcessingEnvironment env) {
    AnnotationValueInfo annotation = model.getAnnotations().stream()
      .filter(a -> a.getName().equals(ANNOTATION))
      .findFirst()
      .orElse(null);
    if (annotation == null) {
      return null;
    }
    Object member = annotation.getMember("address");
    String address = member == null || member.toString().isEmpty() ? model.getIfaceFQCN() : member.toString();
    String iface = model.getIfaceSimpleName();

    List<ExecutableElement> all = StreamFunctions.instanceMethods(model.getElement());
    Map<String, ExecutableElement> elements = new LinkedHashMap<>();
    all.forEach(m -> elements.putIfAbsent(m.getSimpleName().toString(), m)); // the first declaration of a name wins
    List<String> order = new ArrayList<>(elements.keySet());
    List<MethodInfo> methods = model.getMethods();
    // codegen's order is Elements.getAllMembers', which promises no source order (javac 17 happens to keep it
    // for own methods); the descriptor and JS module should read like the interface, own methods first.
    methods.sort(Comparator.comparingInt(m -> order.indexOf(m.getName())));

    // Streams first: an overload between a stream and a function must be reported as such.
    List<Stream> streams = new ArrayList<>();
    StreamTypes types = new StreamTypes(env, model.getElement());
    Elements elementUtils = env.getElementUtils();
    for (ExecutableElement element : all) {
      if (!StreamFunctions.isStream(element.getReturnType())
        || all.stream().anyMatch(other -> elementUtils.overrides(other, element, model.getElement()))) {
        continue; // not a stream, or an inherited declaration the interface overrides (the override is the stream)
      }
      String problem = StreamFunctions.declarationProblem(iface, element);
      if (problem != null) {
        throw new GenException(element, problem);
      }
      StreamFunctions.checkUniqueName(iface, element, all, elementUtils, model.getElement());
      Stream stream = new Stream(element.getSimpleName().toString(), element, types.params(iface, element),
        types.item(iface, element), AccessRules.of(iface, element.getSimpleName().toString(), element, model.getElement()));
      FunctionRules.checkStream(iface, stream);
      streams.add(stream);
    }

    List<Function> functions = new ArrayList<>();
    List<ProxyMethodInfo> ignored = new ArrayList<>();
    for (MethodInfo info : methods) {
      ProxyMethodInfo method = (ProxyMethodInfo) info;
      if (method.isStaticMethod()) {
        continue; // runs locally, never sent anywhere
      }
      ExecutableElement element = elements.get(method.getName());
      if (StreamFunctions.isStream(element.getReturnType())) {
        // A stream codegen modelled is not @GenIgnore (an overload was refused above); the checker says the same.
        throw new GenException(element, StreamFunctions.declarationProblem(iface, element));
      }
      if (method.isProxyIgnore()) {
        ignored.add(method); // not served: no descriptor entry, so no HTTP route
        continue;
      }
      FunctionRules.check(iface, method, element);
      AccessRules.Rule access = AccessRules.of(iface, method.getName(), element, model.getElement());
      TypeInfo result = ((ParameterizedTypeInfo) method.getReturnType()).getArg(0);
      functions.add(new Function(method, element, result, access));
    }
    return new ServiceModel(model, address, List.copyOf(functions), List.copyOf(streams), List.copyOf(ignored));
  }

  ProxyModel model() { return model; }

  TypeElement element() { return model.getElement(); }

  /** {@code Counter}: the name in {@code /api/Counter/...} and {@code verve/fn/Counter.js}. */
  String simpleName() { return model.getIfaceSimpleName(); }

  String packageName() { return model.getIfacePackageName(); }

  String fqn() { return model.getIfaceFQCN(); }

  /** {@code @ServerFunctions(address)}, or the interface's FQN when empty. */
  String address() { return address; }

  /** The functions that answer once ({@code Future<T>}). */
  List<Function> functions() { return functions; }

  /** The stream functions ({@code Future<ReadStream<T>>}), served by Verve alone. */
  List<Stream> streams() { return streams; }

  /** {@code @ProxyIgnore} instance methods: not served, but a client implementing the interface must still have them. */
  List<ProxyMethodInfo> ignored() { return ignored; }
}
