package dev.verve.codegen;


import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles a fixture ({@code src/test/resources/fixtures/<name>/}) in-process with javac and the
 * vertx-codegen processor, the way a user's build does: every generator on the class path runs
 * (service-proxy's and ours) and the generated sources are compiled in the same task.
 */
final class FixtureCompiler {

  // Surefire may hide the class path behind a manifest-only jar; it publishes the real one here.
  private static final String CLASS_PATH = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  private FixtureCompiler() {
  }

  /** What one compilation produced. */
  static final class Compilation {
    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    final Path classes;
    final Path generated;

    Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes, Path generated) {
      this.success = success;
      this.diagnostics = diagnostics;
      this.classes = classes;
      this.generated = generated;
    }

    List<String> messages(Diagnostic.Kind kind) {
      return diagnostics.stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
    }

    List<String> errors() {
      return messages(Diagnostic.Kind.ERROR);
    }

    /** A generated Java source, e.g. {@code fixture/valid/CounterVerveDescriptor.java}. */
    String source(String path) {
      return read(generated.resolve(path));
    }

    /** A generated resource in the class output, e.g. {@code verve/fn/Counter.js}. */
    String resource(String path) {
      return read(classes.resolve(path));
    }

    boolean exists(String path) {
      return Files.exists(generated.resolve(path)) || Files.exists(classes.resolve(path));
    }

    /** Loads the compiled fixture; the test's own classes (verve-core, Vert.x) come from the parent. */
    URLClassLoader loader() {
      try {
        return new URLClassLoader(new URL[]{classes.toUri().toURL()}, FixtureCompiler.class.getClassLoader());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static Compilation compile(String fixture, Path workDir) throws IOException {
    // What a build finds in verve-codegen's META-INF/services/javax.annotation.processing.Processor.
    return compile(fixture, workDir, List.of(new CodeGeneration(), new ServerFunctionsChecker()));
  }

  /** With only {@code processors}: to see what one of them reports on its own. */
  static Compilation compile(String fixture, Path workDir, List<? extends Processor> processors) throws IOException {
    Path sources = workDir.resolve("src");
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    Path generated = Files.createDirectories(workDir.resolve("generated"));
    List<Path> files = copySources(fixtureDir(fixture), sources);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of(
        "-d", classes.toString(),
        "-s", generated.toString(),
        "-classpath", CLASS_PATH,
        "-Xlint:all,-processing",
        "-encoding", "UTF-8");
      JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), fileManager, diagnostics, options, null,
        fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(processors);
      boolean success = task.call();
      return new Compilation(success, diagnostics.getDiagnostics(), classes, generated);
    }
  }

  private static Path fixtureDir(String fixture) {
    URL url = FixtureCompiler.class.getResource("/fixtures/" + fixture);
    if (url == null) {
      throw new IllegalArgumentException("No fixture " + fixture);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * Copies each source to the directory of its package and adds the mandatory {@code @ModuleGen}
   * package-info to every package, so fixtures hold only the types that matter.
   */
  private static List<Path> copySources(Path fixtureDir, Path sources) throws IOException {
    List<Path> copied = new ArrayList<>();
    Set<String> packages = new LinkedHashSet<>();
    try (Stream<Path> walk = Files.walk(fixtureDir)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
        String text = read(file);
        Matcher matcher = PACKAGE.matcher(text);
        if (!matcher.find()) {
          throw new IllegalArgumentException(file + " has no package");
        }
        String pkg = matcher.group(1);
        packages.add(pkg);
        Path target = sources.resolve(pkg.replace('.', '/')).resolve(file.getFileName().toString());
        Files.createDirectories(target.getParent());
        copied.add(Files.writeString(target, text));
      }
    }
    for (String pkg : packages) {
      Path info = sources.resolve(pkg.replace('.', '/')).resolve("package-info.java");
      copied.add(Files.writeString(info, "@ModuleGen(name = \"" + pkg.replace('.', '-') + "\", groupPackage = \"" + pkg + "\")\n"
        + "package " + pkg + ";\n\nimport io.vertx.codegen.annotations.ModuleGen;\n"));
    }
    return copied;
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
