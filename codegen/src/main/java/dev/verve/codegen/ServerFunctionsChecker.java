package dev.verve.codegen;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import java.util.Set;

/**
 * Fails the build for a {@code @ServerFunctions} type vertx-codegen would silently skip: the generators
 * only ever see {@code @ProxyGen} interfaces outside {@code impl} packages, so without this check such a
 * mistake would surface only at run time ("no VerveDescriptor was generated"). Also fails it for a stream
 * function not declared {@code default} and {@code @GenIgnore} (see {@link StreamFunctions}), which
 * vertx-service-proxy would otherwise try to generate. And for an app's type whose simple name breaks the
 * code vertx-service-proxy generates ({@link GeneratedNames}), e.g. a {@code @DataObject Message}.
 */
public class ServerFunctionsChecker extends AbstractProcessor {

  private static final String PROXY_GEN = "io.vertx.codegen.annotations.ProxyGen";
  private static final String VERTX_GEN = "io.vertx.codegen.annotations.VertxGen";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ServiceModel.ANNOTATION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        String problem = problem(element);
        if (problem != null) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, element.getSimpleName() + ": " + problem, element);
        } else {
          checkStreamDeclarations((TypeElement) element);
          GeneratedNames.check((TypeElement) element, processingEnv.getElementUtils(), processingEnv.getMessager());
        }
      }
    }
    return false; // vertx-codegen's processor still needs to see the interface
  }

  private String problem(Element element) {
    if (element.getKind() != ElementKind.INTERFACE) {
      return "@ServerFunctions goes on an interface";
    }
    if (!annotated(element, PROXY_GEN) || !annotated(element, VERTX_GEN)) {
      return "a @ServerFunctions interface must also be annotated @ProxyGen @VertxGen, or nothing is generated for it";
    }
    String pkg = processingEnv.getElementUtils().getPackageOf(element).getQualifiedName().toString();
    if (pkg.contains(".impl.") || pkg.endsWith(".impl")) {
      return "vertx-codegen skips packages named impl; move the interface out of " + pkg;
    }
    return null;
  }

  // Here as well as in ServiceModel: a stream function declared like any other reaches vertx-service-proxy,
  // whose generators fail on it in their own words (or not at all) before Verve's could say how to declare it.
  private void checkStreamDeclarations(TypeElement iface) {
    for (ExecutableElement method : StreamFunctions.instanceMethods(iface)) {
      if (StreamFunctions.isStream(method.getReturnType())) {
        String problem = StreamFunctions.declarationProblem(iface.getSimpleName().toString(), method);
        if (problem != null) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, problem, method);
        }
      }
    }
  }

  private static boolean annotated(Element element, String annotation) {
    return element.getAnnotationMirrors().stream()
      .anyMatch(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation));
  }
}
