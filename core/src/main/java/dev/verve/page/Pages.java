package dev.verve.page;

import dev.verve.http.RequestLimit;
import dev.verve.page.impl.PagesImpl;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.util.Map;

/**
 * The pages of one Verve instance: their templates (compiled at build time when they can be, else
 * Handlebars), and a route per page.
 */
public interface Pages {

  /**
   * {@code timeoutMs}: how long a page waits for its data by default ({@code api.timeout}); pages count
   * against {@code limit} and are timed in {@code registry}.
   */
  static Pages create(Vertx vertx, PageOptions options, boolean dev, long timeoutMs, MeterRegistry registry,
                      RequestLimit limit) {
    return new PagesImpl(vertx, options, dev, timeoutMs, registry, limit);
  }

  /** A page at {@code path} (GET) on {@code router}, rendering {@code templates/<template>.hbs}. */
  Page page(Router router, String path, String template);

  /**
   * Completes once every page's template is found (the app's, or one of Verve's built-in ones); fails naming
   * the first that is not, so a typo stops the start instead of answering 500 at the first visit.
   */
  Future<Void> ready();

  /** Renders {@code template} with {@code model} as a whole page, its state being {@code state}. */
  Future<Buffer> render(String template, Map<String, Object> model, Map<String, Object> state);
}
