package dev.verve.codegen;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fails the build, in Verve's words, for an app's type whose simple name breaks the code vertx-service-proxy
 * generates for a {@code @ServerFunctions} interface ({@code <I>VertxEBProxy} and {@code <I>VertxProxyHandler},
 * in the interface's package). Its generator writes types by their simple names and cannot be told to qualify
 * them: the fixed imports of its templates ({@code proxy_gen_import.txt}, {@code handler_gen_import.txt} in its
 * jar), one single-type import for every type the interface's modelled methods use (its own package's too,
 * {@code java.lang} and {@code io.vertx.core.json} aside) and {@code java.lang} names. Hence, by the Java rules
 * on imports (JLS 7.5.1) and scopes (6.4.1), the broken cases:
 * <ul>
 *   <li>a type the interface uses (or the interface) with the simple name of a template import, e.g. a
 *       {@code @DataObject Message} beside {@code io.vertx.core.eventbus.Message}: two single-type imports of
 *       one name ("reference to Message is ambiguous", "a type with the same simple name is already defined
 *       by the single-type-import of Message"), wherever the type lives;</li>
 *   <li>two types the interface uses with one simple name ({@code a.Todo}, {@code b.Todo});</li>
 *   <li>a type the interface uses, or any type of the interface's package, with the simple name of a
 *       {@code java.lang} type that code writes ({@code String}, {@code System}...): it hides
 *       {@code java.lang}'s there.</li>
 * </ul>
 * Harmless, and not reported: a type of the interface's package that the interface does not use (the
 * generated imports shadow it), types of stream functions and other {@code @GenIgnore} methods (codegen
 * leaves them out of the model), and the names only Verve's own generated classes import: those write a
 * taken name fully qualified ({@link Imports}).
 *
 * <p>javac still compiles the generated sources after a processor's error, so its own errors in them follow
 * Verve's; the message says they are its consequence.
 */
final class GeneratedNames {

  private static final String EB_PROXY = "VertxEBProxy";
  private static final String HANDLER = "VertxProxyHandler";

  /** vertx-service-proxy 5's {@code proxy_gen_import.txt}. */
  private static final List<String> EB_PROXY_IMPORTS = List.of(
    "io.vertx.core.eventbus.DeliveryOptions", "io.vertx.core.Vertx", "io.vertx.core.Future",
    "io.vertx.core.json.JsonObject", "io.vertx.core.json.JsonArray", "java.util.ArrayList", "java.util.HashSet",
    "java.util.List", "java.util.Map", "java.util.Set", "java.util.stream.Collectors", "java.util.function.Function",
    "io.vertx.serviceproxy.ServiceException", "io.vertx.serviceproxy.ServiceExceptionMessageCodec",
    "io.vertx.serviceproxy.ProxyUtils");

  /** vertx-service-proxy 5's {@code handler_gen_import.txt}. */
  private static final List<String> HANDLER_IMPORTS = List.of(
    "io.vertx.core.Vertx", "io.vertx.core.Handler", "io.vertx.core.AsyncResult", "io.vertx.core.eventbus.EventBus",
    "io.vertx.core.eventbus.Message", "io.vertx.core.eventbus.MessageConsumer", "io.vertx.core.eventbus.DeliveryOptions",
    "io.vertx.core.eventbus.ReplyException", "io.vertx.core.json.JsonObject", "io.vertx.core.json.JsonArray",
    "java.util.Collection", "java.util.ArrayList", "java.util.HashSet", "java.util.List", "java.util.Map",
    "java.util.Set", "java.util.UUID", "java.util.stream.Collectors", "io.vertx.serviceproxy.ProxyHandler",
    "io.vertx.serviceproxy.ServiceException", "io.vertx.serviceproxy.ServiceExceptionMessageCodec",
    "io.vertx.serviceproxy.HelperUtils", "io.vertx.serviceproxy.ServiceBinder");

  /**
   * The {@code java.lang} names each writes whatever the interface; the event-bus proxy also writes the
   * {@code java.lang} types of the signatures, the handler {@code Number} for a list or set of integers.
   */
  private static final List<String> EB_PROXY_LANG = List.of("String", "Override", "SuppressWarnings", "IllegalStateException");
  private static final List<String> HANDLER_LANG = List.of("String", "Override", "SuppressWarnings", "IllegalStateException",
    "Throwable", "System");
  private static final Set<String> INTEGERS = Set.of("java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long");

  private static final String GEN_IGNORE = StreamFunctions.GEN_IGNORE;
  private static final String PERMITTED_TYPE = "permitted-type"; // GenIgnore.PERMITTED_TYPE

  private final TypeElement iface;
  private final String ifaceName;
  private final Elements elements;
  private final Messager messager;

  /** Each type the modelled interface uses, with the element that first uses it (a method, or the interface). */
  private final Map<TypeElement, Element> used = new LinkedHashMap<>();
  /** Simple name to fully qualified name, with the generated classes that import it. */
  private final Map<String, Map<String, Set<String>>> imported = new HashMap<>();
  /** {@code java.lang} simple name to the generated classes that write it. */
  private final Map<String, Set<String>> lang = new HashMap<>();
  private final Set<TypeElement> reported = new HashSet<>();

  private GeneratedNames(TypeElement iface, Elements elements, Messager messager) {
    this.iface = iface;
    this.ifaceName = iface.getSimpleName().toString();
    this.elements = elements;
    this.messager = messager;
  }

  /** Reports each of the app's names that breaks the code vertx-service-proxy generates for {@code iface}. */
  static void check(TypeElement iface, Elements elements, Messager messager) {
    new GeneratedNames(iface, elements, messager).check();
  }

  private void check() {
    String ebProxy = ifaceName + EB_PROXY;
    String handler = ifaceName + HANDLER;
    EB_PROXY_IMPORTS.forEach(fqn -> take(fqn, ebProxy));
    HANDLER_IMPORTS.forEach(fqn -> take(fqn, handler));
    EB_PROXY_LANG.forEach(name -> lang.computeIfAbsent(name, n -> new TreeSet<>()).add(ebProxy));
    HANDLER_LANG.forEach(name -> lang.computeIfAbsent(name, n -> new TreeSet<>()).add(handler));

    // What codegen's ClassModel collects the imports from: the interface, its super-types, its constants and
    // the methods it models (all but those plainly @GenIgnore'd: streams and the like).
    use(iface.asType(), iface);
    iface.getInterfaces().forEach(t -> use(t, iface));
    for (VariableElement field : ElementFilter.fieldsIn(iface.getEnclosedElements())) {
      use(field.asType(), field);
    }
    for (ExecutableElement method : modelled()) {
      use(method.getReturnType(), method);
      method.getParameters().forEach(p -> use(p.asType(), method));
      if (!method.getModifiers().contains(Modifier.STATIC)) {
        langInSignature(method.getReturnType(), ebProxy);
        method.getParameters().forEach(p -> langInSignature(p.asType(), ebProxy));
      }
      if (method.getParameters().stream().anyMatch(GeneratedNames::integerCollection)) {
        lang.computeIfAbsent("Number", n -> new TreeSet<>()).add(handler);
      }
    }
    for (TypeElement type : new ArrayList<>(used.keySet())) {
      if (!isImported(type)) {
        continue;
      }
      String name = type.getQualifiedName().toString();
      String simple = type.getSimpleName().toString();
      // The templates' imports come first, then the used types in order: a clash is reported on the later type.
      Map.Entry<String, Set<String>> first = imported.get(simple).entrySet().iterator().next();
      if (!first.getKey().equals(name)) {
        TypeElement other = elements.getTypeElement(first.getKey());
        if (isLibrary(type) && other != null && used.containsKey(other) && !isLibrary(other)) {
          // e.g. io.vertx.core.streams.ReadStream, used after the app's ReadStream: the app's is to be renamed
          report(other, "has the simple name of " + name + ", which " + generated(first.getValue()) + " also import"
            + verb(first.getValue()), first.getValue());
        } else {
          report(type, "has the simple name of " + first.getKey() + ", which " + generated(first.getValue()) + " also import"
            + verb(first.getValue()), first.getValue());
        }
      }
      if (lang.containsKey(simple) && !reported.contains(type)) {
        report(type, "has the simple name of java.lang." + simple + ", which " + generated(lang.get(simple)) + " write"
          + verb(lang.get(simple)) + " by its simple name, so importing " + name + " there hides java.lang's", lang.get(simple));
      }
    }
    // A type of the interface's own package hides java.lang's in the generated classes, used or not.
    String pkg = elements.getPackageOf(iface).getQualifiedName().toString();
    if (!pkg.isEmpty()) {
      for (Map.Entry<String, Set<String>> name : new TreeMap<>(lang).entrySet()) {
        TypeElement hiding = elements.getTypeElement(pkg + "." + name.getKey());
        if (hiding != null && !reported.contains(hiding)) {
          used.putIfAbsent(hiding, iface);
          report(hiding, "is in the package of " + ifaceName + " and has the simple name of java.lang." + name.getKey()
            + ", which " + generated(name.getValue()) + " (generated in that package) write" + verb(name.getValue())
            + " by its simple name, so there it means " + hiding.getQualifiedName(), name.getValue());
        }
      }
    }
  }

  private void take(String fqn, String generatedClass) {
    imported.computeIfAbsent(simpleName(fqn), n -> new LinkedHashMap<>())
      .computeIfAbsent(fqn, n -> new TreeSet<>()).add(generatedClass);
  }

  /** Records {@code type}'s raw types (type arguments included) as used, and imported by both generated classes. */
  private void use(TypeMirror type, Element by) {
    if (type.getKind() == TypeKind.ARRAY) {
      use(((ArrayType) type).getComponentType(), by);
      return;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return; // primitives, void, type variables
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (used.putIfAbsent(element, by) == null && isImported(element)) {
      String fqn = element.getQualifiedName().toString();
      take(fqn, ifaceName + EB_PROXY);
      take(fqn, ifaceName + HANDLER);
    }
    declared.getTypeArguments().forEach(argument -> use(argument, by));
  }

  // The event-bus proxy writes its method signatures with simple names, java.lang's included.
  private void langInSignature(TypeMirror type, String ebProxy) {
    if (type.getKind() != TypeKind.DECLARED) {
      return;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (packageOf(element).equals("java.lang")) {
      lang.computeIfAbsent(element.getSimpleName().toString(), n -> new TreeSet<>()).add(ebProxy);
    }
    declared.getTypeArguments().forEach(argument -> langInSignature(argument, ebProxy));
  }

  // The handler decodes a List or Set of Byte/Short/Integer/Long parameter through ((Number) o).
  private static boolean integerCollection(VariableElement parameter) {
    if (parameter.asType().getKind() != TypeKind.DECLARED) {
      return false;
    }
    DeclaredType declared = (DeclaredType) parameter.asType();
    String raw = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    if (!raw.equals("java.util.List") && !raw.equals("java.util.Set") || declared.getTypeArguments().size() != 1) {
      return false;
    }
    TypeMirror element = declared.getTypeArguments().get(0);
    return element.getKind() == TypeKind.DECLARED
      && INTEGERS.contains(((TypeElement) ((DeclaredType) element).asElement()).getQualifiedName().toString());
  }

  /** Own methods in source order (static ones too), then the inherited ones; not the plainly @GenIgnore'd. */
  private List<ExecutableElement> modelled() {
    List<ExecutableElement> methods = new ArrayList<>(ElementFilter.methodsIn(iface.getEnclosedElements()));
    for (ExecutableElement method : StreamFunctions.instanceMethods(iface)) {
      if (!methods.contains(method)) {
        methods.add(method);
      }
    }
    methods.removeIf(GeneratedNames::genIgnored);
    return methods;
  }

  private static boolean genIgnored(ExecutableElement method) {
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().contentEquals(GEN_IGNORE)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> value : annotation.getElementValues().entrySet()) {
          if (value.getKey().getSimpleName().contentEquals("value") && value.getValue().toString().contains(PERMITTED_TYPE)) {
            return false; // still modelled, its types imported
          }
        }
        return true;
      }
    }
    return false;
  }

  // vertx-service-proxy imports every used type but java.lang's and io.vertx.core.json's.
  private boolean isImported(TypeElement type) {
    String pkg = packageOf(type);
    return !pkg.equals("java.lang") && !pkg.equals("io.vertx.core.json");
  }

  // Not the app's: a name to keep.
  private boolean isLibrary(TypeElement type) {
    String pkg = packageOf(type) + ".";
    return pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("io.vertx.") || pkg.startsWith("dev.verve.");
  }

  private String packageOf(TypeElement type) {
    return elements.getPackageOf(type).getQualifiedName().toString();
  }

  private void report(TypeElement type, String clash, Set<String> generatedClasses) {
    reported.add(type);
    Element by = used.get(type);
    String simple = type.getSimpleName().toString();
    boolean isIface = type.equals(iface);
    String where = by instanceof ExecutableElement ? ifaceName + "." + by.getSimpleName() : ifaceName;
    String rename = isIface ? simple + "Service" : ifaceName + simple;
    Element at = iface.equals(by.getEnclosingElement()) ? by : iface;
    messager.printMessage(Diagnostic.Kind.ERROR, where + ": " + (isIface ? "the interface " : "") + type.getQualifiedName()
      + " " + clash + "; rename it (e.g. " + rename + "). javac's errors about " + simple + " in the generated "
      + String.join(" and ", generatedClasses) + " follow from this one: vertx-service-proxy writes simple names there"
      + " and cannot be told to qualify them", at);
  }

  private static String verb(Set<String> generatedClasses) {
    return generatedClasses.size() == 1 ? "s" : "";
  }

  private String generated(Set<String> classes) {
    return "vertx-service-proxy's generated " + String.join(" and ", classes);
  }

  private static String simpleName(String fqn) {
    return fqn.substring(fqn.lastIndexOf('.') + 1);
  }
}
