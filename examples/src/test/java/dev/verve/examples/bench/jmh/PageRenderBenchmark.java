package dev.verve.examples.bench.jmh;

import dev.verve.examples.bench.FortuneSource;
import dev.verve.examples.bench.raw.ScriptJson;
import dev.verve.page.impl.HandlebarsEngine;
import dev.verve.page.compiled.CompiledTemplate;
import dev.verve.page.compiled.CompiledTemplates;
import dev.verve.page.impl.PageAssembly;
import dev.verve.page.impl.PageRenderer;
import dev.verve.page.impl.StateWriter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One fortunes page (13 rows) rendered with its state embedded, without HTTP:
 * <ul>
 *   <li>{@code verve}: Verve's page path: its Handlebars engine ({@code bench/fortunes.hbs}, compiled once)
 *   then the HTML-safe state written by its {@code StateWriter}, put before {@code </body>} as the page
 *   handler does;
 *   <li>{@code compiled}: the same page from {@code bench/fortunes.hbs} compiled to Java at build time, as
 *   Verve's page handler renders it outside dev mode: template and state written into one UTF-8 buffer;
 *   <li>{@code vertxWebTemplHandlebars}: the raw baseline's path: vertx-web-templ-handlebars with the
 *   workload's template, state encoded by Vert.x then escaped;
 *   <li>{@code handWritten}: the same bytes from a StringBuilder, the ceiling a template compiled to Java
 *   could reach.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseParallelGC"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class PageRenderBenchmark {

  private Vertx vertx;
  private HandlebarsEngine verveEngine;
  private HandlebarsTemplateEngine vertxEngine;
  private CompiledTemplate compiled;
  private int largest = 4096;
  private JsonArray fortunes;

  @Setup
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    verveEngine = new HandlebarsEngine(vertx, "bench", false);
    vertxEngine = HandlebarsTemplateEngine.create(vertx);
    compiled = CompiledTemplates.of("bench", getClass().getClassLoader()).get("fortunes");
    fortunes = FortuneSource.withAdditionalSorted(FortuneSource.rows());
    // The first render compiles (Verve: on a worker); later ones are synchronous.
    verveEngine.renderString(verveModel(), "fortunes").toCompletionStage().toCompletableFuture().get();
    vertxEngine.render(rawModel(), "bench/raw/fortunes.hbs").toCompletionStage().toCompletableFuture().get();
  }

  @TearDown
  public void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  private Map<String, Object> verveModel() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("fortunes", fortunes);
    return model;
  }

  private Map<String, Object> rawModel() {
    Map<String, Object> model = new HashMap<>(4);
    model.put("fortunes", fortunes);
    model.put("state", ScriptJson.escape(new JsonObject().put("fortunes", fortunes).encode()));
    return model;
  }

  @Benchmark
  public Buffer verve() {
    return page(verveEngine);
  }

  // What Verve's page handler does once the data is there.
  private Buffer page(HandlebarsEngine engine) {
    Map<String, Object> model = verveModel();
    String html = engine.renderString(model, "fortunes").result();
    return Buffer.buffer(PageAssembly.insert(html, StateWriter.write(model)));
  }

  @Benchmark
  public Buffer compiled() {
    Map<String, Object> model = verveModel();
    Buffer page = PageRenderer.render(compiled, model, model, largest);
    if (page.length() > largest) largest = page.length();
    return page;
  }

  @Benchmark
  public Buffer vertxWebTemplHandlebars() {
    return vertxEngine.render(rawModel(), "bench/raw/fortunes.hbs").result();
  }

  @Benchmark
  public Buffer handWritten() {
    String state = ScriptJson.escape(new JsonObject().put("fortunes", fortunes).encode());
    StringBuilder sb = new StringBuilder(2560);
    sb.append("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>")
      .append("<tr><th>id</th><th>message</th></tr>");
    for (int i = 0; i < fortunes.size(); i++) {
      JsonObject row = fortunes.getJsonObject(i);
      sb.append("<tr><td>").append(row.getInteger("id").intValue()).append("</td><td>");
      escapeHtml(sb, row.getString("message"));
      sb.append("</td></tr>");
    }
    sb.append("</table><script type=\"application/json\" id=\"state\">").append(state)
      .append("</script></body></html>");
    return Buffer.buffer(sb.toString());
  }

  // Handlebars' escapes.
  private static void escapeHtml(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&': sb.append("&amp;"); break;
        case '<': sb.append("&lt;"); break;
        case '>': sb.append("&gt;"); break;
        case '"': sb.append("&quot;"); break;
        case '\'': sb.append("&#x27;"); break;
        case '`': sb.append("&#x60;"); break;
        case '=': sb.append("&#x3D;"); break;
        default: sb.append(c);
      }
    }
  }
}
