package dev.verve.codegen.pages;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the {@code .hbs} templates of the template roots to Java, in the same javac run as the
 * application (so a clean {@code mvn verify} needs no extra step). The roots are class-path folders,
 * option {@code -Averve.templates=templates,bench} (default {@code templates}); their files are read from
 * the class output, where the build copied the resources before compiling. For each root it writes one
 * class per template, a {@code Templates} registry, and the {@code ServiceLoader} entry core finds it by.
 * A template using what the compiler does not cover (a custom helper, a dynamic partial) is named with its
 * line in a warning and left to the runtime engine.
 */
public class TemplateProcessor extends AbstractProcessor {

  static final String OPTION = "verve.templates";
  static final String SERVICE = "META-INF/services/dev.verve.page.compiled.CompiledTemplates";

  private boolean done;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) return false;
    done = true;
    try {
      FileObject service = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE);
      if (!"file".equals(service.toUri().getScheme())) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE,
          "verve: the class output is not a folder; templates stay on the runtime engine");
        return false;
      }
      Path classes = Paths.get(service.toUri()).getParent().getParent().getParent();
      List<String> registries = new ArrayList<>();
      for (String root : processingEnv.getOptions().getOrDefault(OPTION, "templates").split(",")) {
        String clean = root.trim().replaceAll("^/+|/+$", "");
        Path dir = classes.resolve(clean);
        if (clean.isEmpty() || !Files.isDirectory(dir)) continue;
        TemplateRoot compiled = TemplateRoot.read(clean, dir).compile();
        for (String message : compiled.unsupported) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, message);
        }
        for (String message : compiled.layouts) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "verve: " + message);
        }
        for (Map.Entry<String, String> source : compiled.sources.entrySet()) {
          JavaFileObject file = processingEnv.getFiler().createSourceFile(source.getKey());
          try (Writer writer = file.openWriter()) {
            writer.write(source.getValue());
          }
        }
        registries.add(compiled.packageName() + ".Templates");
        processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "verve: compiled " + compiled.classes.size()
          + " of " + compiled.templates.size() + " templates in " + clean + "/");
      }
      try (Writer writer = service.openWriter()) {
        for (String registry : registries) writer.write(registry + "\n");
      }
    } catch (IOException | RuntimeException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "verve: compiling templates failed: " + e);
    }
    return false;
  }
}
