package dev.verve.codegen.pages;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiles generated sources in one javac task and loads them. */
final class InMemoryJava {

  private static final String CLASS_PATH =
    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

  private InMemoryJava() {
  }

  static ClassLoader compile(Map<String, String> sources) throws IOException {
    Path dir = Files.createTempDirectory("verve-pages");
    Path src = dir.resolve("src");
    Path out = Files.createDirectories(dir.resolve("classes"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      files.add(file);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-proc:none", "-classpath", CLASS_PATH, "-d", out.toString(), "-nowarn");
      boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
      if (!ok) throw new AssertionError("Generated code does not compile: " + diagnostics.getDiagnostics());
    }
    return new URLClassLoader(new URL[] {out.toUri().toURL()}, InMemoryJava.class.getClassLoader());
  }
}
