package dev.verve.maven.dev;

import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiles every source of the project into a fresh directory, as Maven would: the same class path,
 * options and annotation processors (found on the processor path, or on the class path as javac does,
 * so Verve's and vertx-codegen's generators run and regenerate descriptors, JS modules and OpenAPI parts).
 * The processors' classes are loaded once and stay warm; each compilation gets new instances of them.
 */
final class SourceCompiler implements AutoCloseable {

  /** A compilation's outcome: {@code errors} as javac prints them, with files and lines; empty when it succeeded. */
  static final class Result {
    final boolean succeeded;
    final String errors;
    final long millis;

    Result(boolean succeeded, String errors, long millis) {
      this.succeeded = succeeded;
      this.errors = errors;
      this.millis = millis;
    }
  }

  private final DevSettings settings;
  private final JavaCompiler javac;
  private final StandardJavaFileManager files;
  private final URLClassLoader processorLoader;

  SourceCompiler(DevSettings settings) {
    this.settings = settings;
    this.javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("verve:dev compiles with the JDK's compiler: run Maven with a JDK, not a JRE");
    }
    this.files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    List<Path> processorPath = settings.processorPath.isEmpty() ? settings.compileClasspath : settings.processorPath;
    this.processorLoader = new URLClassLoader("verve-dev-processors", urls(processorPath),
      ClassLoader.getPlatformClassLoader());
  }

  /** Compiles into {@code classes}, generated sources into {@code generated}. */
  Result compile(Path classes, Path generated) {
    long start = System.nanoTime();
    try {
      Files.createDirectories(classes);
      Files.createDirectories(generated);
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, settings.compileClasspath);
      List<Path> sources = sources();
      if (sources.isEmpty()) return new Result(true, "", millis(start));
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      StringWriter out = new StringWriter();
      JavaCompiler.CompilationTask task = javac.getTask(out, files, diagnostics, options(), null,
        files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(processors());
      boolean succeeded = task.call();
      return new Result(succeeded, succeeded ? "" : errors(diagnostics, out), millis(start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // A processor that threw: as much a failed build as a syntax error.
      return new Result(false, "The compiler failed: " + e, millis(start));
    }
  }

  private List<String> options() {
    List<String> options = new ArrayList<>(settings.compilerOptions);
    options.add("-implicit:none");
    // JDK 23+ runs no processor unless asked; -proc:full exists since JDK 21.
    if (Runtime.version().feature() >= 21 && options.stream().noneMatch(o -> o.startsWith("-proc:"))) {
      options.add("-proc:full");
    }
    return options;
  }

  private List<Processor> processors() {
    List<Processor> processors = new ArrayList<>();
    ServiceLoader.load(Processor.class, processorLoader).forEach(processors::add);
    return processors;
  }

  private List<Path> sources() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Path root : settings.sources) {
      if (!Files.isDirectory(root)) continue;
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).forEach(sources::add);
      }
    }
    return sources;
  }

  private String errors(DiagnosticCollector<JavaFileObject> diagnostics, StringWriter out) {
    String text = diagnostics.getDiagnostics().stream()
      .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
      .map(this::describe)
      .collect(Collectors.joining("\n"));
    return text.isEmpty() ? out.toString().trim() : text;
  }

  // As javac prints it: path relative to the project, line, message, then the line itself.
  private String describe(Diagnostic<? extends JavaFileObject> d) {
    String where = "";
    if (d.getSource() != null) {
      Path file = Path.of(d.getSource().toUri());
      where = (file.startsWith(settings.projectDir) ? settings.projectDir.relativize(file) : file) + ":"
        + d.getLineNumber() + ": ";
    }
    return where + "error: " + withoutStackTrace(d.getMessage(Locale.ROOT));
  }

  // A processor's error carries the stack trace of its exception: the message is what helps.
  private static String withoutStackTrace(String message) {
    StringBuilder kept = new StringBuilder();
    for (String line : message.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("at ") || trimmed.startsWith("Caused by:") || trimmed.startsWith("...")) break;
      if (kept.length() > 0) kept.append('\n');
      kept.append(line);
    }
    return kept.toString();
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  static URL[] urls(List<Path> paths) {
    return paths.stream().map(p -> {
      try {
        return p.toUri().toURL();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).toArray(URL[]::new);
  }

  @Override
  public void close() throws IOException {
    files.close();
    processorLoader.close();
  }
}
