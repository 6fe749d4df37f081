package dev.verve.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts every HTTP answer by its status, {@code verve.http.responses{status}}: function calls, pages, the
 * guards' refusals, static files, 404s, 413s, overload 503s. As the first handler of the router it counts
 * what the router answers, when the answer's headers are written; {@link #countInvalid} counts what Vert.x
 * answers before a request reaches the router (a malformed request's 400, 414, 431). A counter per status,
 * made at its first use, then found by index: an answer costs a lookup in an array and an increment.
 */
public final class HttpAnswers implements Handler<RoutingContext> {

  public static final String METER = "verve.http.responses";
  private static final int FIRST = 100;
  private static final int LAST = 599;

  private final MeterRegistry registry;
  private final AtomicReferenceArray<Counter> counters = new AtomicReferenceArray<>(LAST - FIRST + 1);

  public HttpAnswers(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addHeadersEndHandler(v -> count(ctx.response().getStatusCode()));
    ctx.next();
  }

  /** Vert.x's answer to a request it could not decode, counted: the server's {@code invalidRequestHandler}. */
  public void countInvalid(HttpServerRequest request) {
    HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
    count(request.response().getStatusCode());
  }

  public void count(int status) {
    if (status < FIRST || status > LAST) return;
    int index = status - FIRST;
    Counter counter = counters.get(index);
    if (counter == null) {
      // Registering twice returns the same counter; losing this race costs nothing.
      counter = Counter.builder(METER).description("HTTP answers, by status").tag("status", String.valueOf(status))
        .register(registry);
      counters.set(index, counter);
    }
    counter.increment();
  }
}
