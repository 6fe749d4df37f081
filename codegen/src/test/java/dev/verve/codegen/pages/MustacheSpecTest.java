package dev.verve.codegen.pages;

import dev.verve.page.compiled.CompiledTemplate;
import dev.verve.page.compiled.Html;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case of the Mustache spec corpus ({@code ../shared/specs/mustache/}, beside the repository),
 * rendered by handlebars.java (configured as Verve's runtime engine) and by the template compiled to Java:
 * the bytes must be the same. Where handlebars.java itself departs from the spec's {@code expected}
 * (Handlebars is a superset of Mustache with deliberate differences), the case is listed below; the list
 * must stay exact, so a change in either engine shows up here.
 */
class MustacheSpecTest {

  static final Path CORPUS = Paths.get("").toAbsolutePath().getParent().getParent().resolve("shared/specs/mustache");
  static final String MAIN = "the-template";

  /**
   * Cases where handlebars.java 4.3.1, as Verve configures it, renders something other than the spec's
   * {@code expected}, or throws: with pretty printing off (Verve's setting) standalone lines keep their
   * whitespace and standalone partials are not indented; a section's context and dotted names resolve
   * against handlebars.java's context stack (a name missing in the current context is looked up in the
   * parents); a partial that is not found or recurses is an error; and there is no Mustache inheritance
   * ({@code {{<parent}}}, {@code {{$block}}}), so that whole optional module throws.
   */
  static final Set<String> HANDLEBARS_DEPARTS = new TreeSet<>(List.of(
    "comments: Indented Multiline Standalone",
    "comments: Indented Standalone",
    "comments: Multiline Standalone",
    "comments: Standalone",
    "comments: Standalone Line Endings",
    "comments: Standalone Without Newline",
    "comments: Standalone Without Previous Line",
    "delimiters: Indented Standalone Tag",
    "delimiters: Inverted Sections",
    "delimiters: Partial Inheritence",
    "delimiters: Sections",
    "delimiters: Standalone Line Endings",
    "delimiters: Standalone Tag",
    "delimiters: Standalone Without Newline",
    "delimiters: Standalone Without Previous Line",
    "interpolation: Dotted Names - Ampersand Interpolation",
    "interpolation: Dotted Names - Basic Interpolation",
    "interpolation: Dotted Names - Context Precedence",
    "interpolation: Dotted Names - Initial Resolution",
    "interpolation: Dotted Names - Triple Mustache Interpolation",
    "inverted: Doubled",
    "inverted: Standalone Indented Lines",
    "inverted: Standalone Line Endings",
    "inverted: Standalone Lines",
    "inverted: Standalone Without Newline",
    "inverted: Standalone Without Previous Line",
    "partials: Failed Lookup",
    "partials: Recursion",
    "partials: Standalone Indentation",
    "partials: Standalone Line Endings",
    "partials: Standalone Without Newline",
    "partials: Standalone Without Previous Line",
    "sections: Context",
    "sections: Deeply Nested Contexts",
    "sections: Doubled",
    "sections: Indented Standalone Lines",
    "sections: Parent contexts",
    "sections: Standalone Line Endings",
    "sections: Standalone Lines",
    "sections: Standalone Without Newline",
    "sections: Standalone Without Previous Line",
    "~inheritance: Block reindentation",
    "~inheritance: Block scope",
    "~inheritance: Data does not override block",
    "~inheritance: Data does not override block default",
    "~inheritance: Default",
    "~inheritance: Inherit",
    "~inheritance: Inherit indentation",
    "~inheritance: Intrinsic indentation",
    "~inheritance: Multi-level inheritance",
    "~inheritance: Multi-level inheritance, no sub child",
    "~inheritance: Mustache Injection",
    "~inheritance: Negative Sections",
    "~inheritance: Nested block reindentation",
    "~inheritance: Only one override",
    "~inheritance: Overridden content",
    "~inheritance: Overridden parent",
    "~inheritance: Override parent with newlines",
    "~inheritance: Parent template",
    "~inheritance: Recursion",
    "~inheritance: Sections",
    "~inheritance: Standalone block",
    "~inheritance: Standalone parent",
    "~inheritance: Text inside parent",
    "~inheritance: Triple Mustache",
    "~inheritance: Two overridden parents",
    "~inheritance: Variable"
  ));

  record Case(String id, Map<String, String> templates, Object data, String expected) { }

  record Result(Case spec, byte[] oracle, String oracleError, String compiledClass, String unsupported) { }

  static final List<Result> RESULTS = new ArrayList<>();
  static ClassLoader classes;

  @BeforeAll
  static void renderAll() throws Exception {
    assertTrue(Files.isDirectory(CORPUS), "The Mustache spec corpus is expected at " + CORPUS
      + " (shared/specs beside the repository)");
    Map<String, String> sources = new LinkedHashMap<>();
    int n = 0;
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonObject spec = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
        String module = file.getFileName().toString().replace(".json", "");
        for (Object test : spec.getJsonArray("tests")) {
          JsonObject t = (JsonObject) test;
          Map<String, String> templates = new LinkedHashMap<>();
          JsonObject partials = t.getJsonObject("partials", new JsonObject());
          for (String name : partials.fieldNames()) templates.put(name, partials.getString(name));
          templates.put(MAIN, t.getString("template"));
          Case c = new Case(module + ": " + t.getString("name"), templates, t.getValue("data"), t.getString("expected"));
          byte[] oracle = null;
          String error = null;
          try {
            oracle = Oracle.render(templates, MAIN, c.data());
          } catch (Exception e) {
            error = e.getClass().getSimpleName();
          }
          String className = "dev.verve.spec.Case" + n++;
          String unsupported = null;
          try {
            sources.put(className, new PageCompiler(MAIN, templates::get).compile("dev.verve.spec", className.substring(15)));
          } catch (Unsupported e) {
            unsupported = e.getMessage();
            className = null;
          }
          RESULTS.add(new Result(c, oracle, error, className, unsupported));
        }
      }
    }
    classes = InMemoryJava.compile(sources);
    long compiled = RESULTS.stream().filter(r -> r.compiledClass() != null).count();
    System.out.printf("Mustache spec corpus: %d cases, %d compiled, %d left to the runtime engine, "
        + "%d where handlebars.java departs from the spec%n", RESULTS.size(), compiled, RESULTS.size() - compiled,
      RESULTS.stream().filter(MustacheSpecTest::departs).count());
  }

  static boolean departs(Result r) {
    return r.oracle() == null || !Arrays.equals(r.oracle(), r.spec().expected().getBytes(StandardCharsets.UTF_8));
  }

  @TestFactory
  Stream<DynamicTest> compiledRendersTheSameBytesAsHandlebarsJava() {
    return RESULTS.stream().filter(r -> r.compiledClass() != null).map(r -> DynamicTest.dynamicTest(r.spec().id(), () -> {
      CompiledTemplate template = (CompiledTemplate) classes.loadClass(r.compiledClass()).getDeclaredConstructor().newInstance();
      String compiled;
      try {
        Html out = new Html(64);
        template.render(r.spec().data(), out);
        compiled = out.toString();
      } catch (RuntimeException e) {
        compiled = "threw " + e;
      }
      String oracle = r.oracle() == null ? "threw " + r.oracleError() : new String(r.oracle(), StandardCharsets.UTF_8);
      assertEquals(oracle, compiled, r.spec().id() + "\n" + r.spec().templates());
    }));
  }

  @Test
  void theCasesWhereHandlebarsJavaDepartsFromTheSpecAreListed() {
    Set<String> departs = new TreeSet<>();
    for (Result r : RESULTS) if (departs(r)) departs.add(r.spec().id());
    assertEquals(String.join("\n", HANDLEBARS_DEPARTS), String.join("\n", departs));
  }

  @Test
  void whatIsLeftToTheRuntimeEngineIsWhatHandlebarsJavaCannotRender() {
    List<String> left = new ArrayList<>();
    for (Result r : RESULTS) {
      if (r.compiledClass() == null && r.oracle() != null) left.add(r.spec().id() + ": " + r.unsupported());
    }
    assertEquals("", String.join("\n", left));
  }
}
