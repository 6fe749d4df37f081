package dev.verve.examples.bench.jmh;

import dev.verve.page.compiled.CompiledTemplate;
import dev.verve.page.compiled.CompiledTemplates;
import dev.verve.page.compiled.Html;
import dev.verve.page.impl.HandlebarsEngine;
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

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The template defect Verve's engine fixes: a 12-row page whose row is a partial
 * ({@code bench-partials/page.hbs} with {@code {{> row}}} in an {@code #each}). vertx-web-templ-handlebars
 * re-reads and re-parses the partial on every render; Verve's engine compiles it once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PartialsBenchmark {

  private Vertx vertx;
  private HandlebarsEngine verve;
  private HandlebarsTemplateEngine vertxWeb;
  private Map<String, Object> model;
  private CompiledTemplate compiled;

  @Setup
  public void setUp() throws Exception {
    vertx = Vertx.vertx();
    verve = new HandlebarsEngine(vertx, "bench-partials", false);
    vertxWeb = HandlebarsTemplateEngine.create(vertx);
    JsonArray rows = new JsonArray();
    for (int i = 1; i <= 12; i++) rows.add(new JsonObject().put("id", i).put("message", "fortune <" + i + "> & more"));
    model = Map.of("rows", rows);
    String a = verve.renderString(model, "page").toCompletionStage().toCompletableFuture().get();
    String b = vertxWeb.render(model, "bench-partials/page.hbs").toCompletionStage().toCompletableFuture().get().toString();
    if (!a.equals(b)) throw new IllegalStateException("the engines disagree:\n" + a + "\n" + b);
    compiled = CompiledTemplates.of("bench-partials", getClass().getClassLoader()).get("page");
    String c = compiledPage().toString();
    if (!a.equals(c)) throw new IllegalStateException("compiled and runtime disagree:\n" + a + "\n" + c);
  }

  @TearDown
  public void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @Benchmark
  public String verveEngine() {
    return verve.renderString(model, "page").result();
  }

  // The template compiled at build time (its partial compiled into it), into UTF-8 bytes.
  @Benchmark
  public Buffer compiledPage() {
    Html out = new Html(1024);
    compiled.render(model, out);
    return out.toBuffer();
  }

  @Benchmark
  public Buffer vertxWebTemplHandlebars() throws Exception {
    return vertxWeb.render(model, "bench-partials/page.hbs").toCompletionStage().toCompletableFuture().get();
  }
}
