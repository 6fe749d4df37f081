package dev.verve.examples.bench;

import dev.verve.Verve;
import dev.verve.VerveVerticle;
import dev.verve.examples.bench.impl.BenchImpl;
import io.vertx.core.json.JsonObject;

/**
 * The benchmark workload as a Verve app (examples/bench/run.sh measures it against
 * {@link dev.verve.examples.bench.raw.RawVerticle}):
 * <ul>
 *   <li>{@code GET /fortunes}: a Verve page; its data is {@link Bench#fortunes()} called through the
 *   event-bus proxy, plus the request-time row, sorted; the template is {@code bench/fortunes.hbs} and Verve
 *   embeds the state ({@code {"fortunes": [...]}}) and the runtime before {@code </body>}.
 *   <li>{@code POST /api/Bench/doubleNumber}: the {@link Bench} server function on its HTTP route.
 * </ul>
 * Deploy one instance per core: {@code -instances 2} under Vert.x's launcher.
 */
public class BenchVerticle extends VerveVerticle {

  @Override
  protected void configure(Verve verve) {
    verve.register(Bench.class, new BenchImpl());
    Bench bench = verve.proxy(Bench.class);
    verve.page("/fortunes", "fortunes")
      .await("fortunes", ctx -> bench.fortunes().map(FortuneSource::withAdditionalSorted));
  }

  // The bench's templates live apart from the demo's.
  @Override
  protected JsonObject defaults() {
    return new JsonObject().put("templates.root", "bench");
  }
}
