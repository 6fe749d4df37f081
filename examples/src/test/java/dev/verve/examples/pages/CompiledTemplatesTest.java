package dev.verve.examples.pages;

import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import dev.verve.page.compiled.CompiledTemplate;
import dev.verve.page.compiled.CompiledTemplates;
import dev.verve.page.impl.HandlebarsEngine;
import dev.verve.page.impl.PageAssembly;
import dev.verve.page.impl.PageRenderer;
import dev.verve.page.impl.StateWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every template of the repository's template roots, compiled by the build, renders the same bytes as
 * handlebars.java configured as Verve's runtime engine, on generated data: unicode, the characters HTML
 * escaping touches, empty lists, nulls, nested objects; and the whole page (state block included) is the
 * same as the runtime path assembles.
 */
class CompiledTemplatesTest {

  static final List<String> ROOTS = List.of("templates", "bench", "bench-partials");
  // The names the example templates read, and the item fields of their lists.
  static final List<String> NAMES = List.of("title", "script", "count", "total", "data", "todos",
    "fortunes", "rows", "state", "id", "title", "done", "message", "problem", "values", "result", "errors", "general");

  @Example
  void everyTemplateOfTheRepositoryIsCompiledButTheLayout() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String root : ROOTS) {
      Map<String, CompiledTemplate> compiled = CompiledTemplates.of(root, getClass().getClassLoader());
      for (String name : templateNames(root)) {
        if (!compiled.containsKey(name)) missing.add(root + "/" + name);
      }
    }
    // The layout renders {{> @partial-block}}, which means nothing without a page around it.
    assertEquals(List.of("templates/layout"), missing);
  }

  @Property(tries = 150)
  void compiledTemplatesRenderWhatHandlebarsJavaRenders(@ForAll("models") Map<String, Object> model) throws Exception {
    for (String root : ROOTS) {
      var handlebars = HandlebarsEngine.handlebars(new ClassPathTemplateLoader("/" + root, ".hbs"));
      for (Map.Entry<String, CompiledTemplate> e : CompiledTemplates.of(root, getClass().getClassLoader()).entrySet()) {
        String expected;
        try {
          expected = handlebars.compile(e.getKey()).apply(HandlebarsEngine.context(model));
        } catch (RuntimeException failed) {
          // Data handlebars.java fails on (each over a string calls all its methods) fails compiled too.
          assertThrows(RuntimeException.class, () -> PageRenderer.render(e.getValue(), model, model, 64),
            root + "/" + e.getKey() + ": " + failed);
          continue;
        }
        byte[] page = PageRenderer.render(e.getValue(), model, model, 64).getBytes();
        byte[] runtime = PageAssembly.insert(expected, StateWriter.write(model)).getBytes(StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(runtime, page)) {
          assertEquals(difference(runtime), difference(page), root + "/" + e.getKey() + " with "
            + new JsonObject(model).encode());
        }
      }
    }
  }

  @Provide
  Arbitrary<Map<String, Object>> models() {
    return Arbitraries.maps(Arbitraries.of(NAMES), value(3)).ofMaxSize(NAMES.size())
      .map(LinkedHashMap::new);
  }

  @Property(tries = 100)
  void pagesWithListsOfRowsRenderWhatHandlebarsJavaRenders(@ForAll("pages") Map<String, Object> model) throws Exception {
    compiledTemplatesRenderWhatHandlebarsJavaRenders(model);
  }

  // The shapes pages have: lists of rows (objects with any of the names, nested), the rest anything.
  @Provide
  Arbitrary<Map<String, Object>> pages() {
    Arbitrary<Object> rows = Arbitraries.maps(Arbitraries.of(NAMES), value(2)).ofMaxSize(6)
      .map(m -> new JsonObject(new LinkedHashMap<>(m))).list().ofMaxSize(6)
      .map(l -> (Object) new JsonArray(new ArrayList<>(l)));
    return Arbitraries.maps(Arbitraries.of(NAMES), value(2)).ofMaxSize(NAMES.size())
      .flatMap(m -> rows.list().ofSize(3).map(lists -> {
        Map<String, Object> model = new LinkedHashMap<>(m);
        model.put("todos", lists.get(0));
        model.put("fortunes", lists.get(1));
        model.put("rows", lists.get(2));
        return model;
      }));
  }

  static Arbitrary<Object> value(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
      text(), text(), Arbitraries.integers().between(-3, 100_000).map(i -> (Object) i),
      Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null),
      Arbitraries.doubles().between(-10, 10).ofScale(2).map(d -> (Object) d));
    if (depth == 0) return scalar;
    Arbitrary<Object> object = Arbitraries.maps(Arbitraries.of(NAMES), value(depth - 1)).ofMaxSize(5)
      .map(m -> (Object) new JsonObject(new LinkedHashMap<>(m)));
    Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) new JsonArray(new ArrayList<>(l)));
    Arbitrary<Object> rows = object.list().ofMaxSize(4).map(l -> (Object) new JsonArray(new ArrayList<>(l)));
    return Arbitraries.frequencyOf(
      net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(2, object),
      net.jqwik.api.Tuple.of(1, list), net.jqwik.api.Tuple.of(3, rows));
  }

  static Arbitrary<Object> text() {
    return Arbitraries.oneOf(
      Arbitraries.strings().withChars("<>&\"'`=ab /\\é€😀\u2028").ofMaxLength(12),
      Arbitraries.strings().all().ofMaxLength(8),
      Arbitraries.of("", "</body>", "</BODY>", "{{title}}", "<script>x</script>"))
      .map(s -> (Object) s);
  }

  // The page as JSON-escaped text, so a failure prints control characters legibly.
  static String difference(byte[] page) {
    return new JsonArray().add(new String(page, StandardCharsets.UTF_8)).encode();
  }

  static List<String> templateNames(String root) throws IOException, URISyntaxException {
    Path dir = Paths.get(CompiledTemplatesTest.class.getClassLoader().getResource(root).toURI());
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(f -> f.toString().endsWith(".hbs")).forEach(f -> {
        String relative = dir.relativize(f).toString().replace('\\', '/');
        names.add(relative.substring(0, relative.length() - 4));
      });
    }
    return names;
  }
}
