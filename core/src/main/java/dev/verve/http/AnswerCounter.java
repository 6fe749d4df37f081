package dev.verve.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts every HTTP answer of the router by status, {@code verve_http_responses_total{status}}: what the
 * guards refuse (400, 421, 403), static files, 404s, 413s and overload 503s as well as calls and pages (whose
 * latency {@code verve_function_calls_seconds} and {@code verve_page_requests_seconds} have). One end
 * handler per request and a counter made once per status.
 */
public final class AnswerCounter implements Handler<RoutingContext> {

  private static final int FIRST = 100;
  private static final int LAST = 599;

  private final MeterRegistry registry;
  // Index 0: the connection closed before an answer; 1..500: status 100..599.
  private final AtomicReferenceArray<Counter> counters = new AtomicReferenceArray<>(LAST - FIRST + 2);

  public AnswerCounter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.addEndHandler(ended -> counter(ended.succeeded() ? ctx.response().getStatusCode() : 0).increment());
    ctx.next();
  }

  private Counter counter(int status) {
    int index = status >= FIRST && status <= LAST ? status - FIRST + 1 : 0;
    Counter counter = counters.get(index);
    if (counter == null) {
      // Registering twice returns the same counter; losing this race costs nothing.
      counter = Counter.builder("verve.http.responses").description("HTTP answers, by status")
        .tag("status", index == 0 ? "closed" : String.valueOf(status)).register(registry);
      counters.set(index, counter);
    }
    return counter;
  }
}
