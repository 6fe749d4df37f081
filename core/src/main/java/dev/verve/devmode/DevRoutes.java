package dev.verve.devmode;

import dev.verve.http.ErrorPages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dev mode's routes, mounted only when {@code dev} is on: {@code /verve/dev.js} (the pages' reload script),
 * {@code /verve/dev/events} (server-sent events: the generation serving, then a reload when asked), and, while
 * the last change failed to compile or start, its error in place of every page.
 */
public final class DevRoutes {

  public static final String SCRIPT = "/verve/dev.js";
  public static final String EVENTS = "/verve/dev/events";

  private final Vertx vertx;
  private final String apiPrefix;
  private final String script;
  // Open event streams: closed with this instance, so that each page reconnects to the next generation.
  private final Set<HttpServerResponse> streams = ConcurrentHashMap.newKeySet();

  public DevRoutes(Vertx vertx, String apiPrefix) {
    this.vertx = vertx;
    this.apiPrefix = apiPrefix + "/";
    this.script = resource("dev/verve/devmode/dev.js");
  }

  public void mount(Router router) {
    router.get(SCRIPT).handler(ctx -> ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .end(script));
    router.get(EVENTS).handler(this::events);
    router.route().handler(this::failurePage);
  }

  /** Ends the open event streams: their pages reconnect, to whichever generation serves next. */
  public Future<Void> close() {
    streams.forEach(HttpServerResponse::end);
    streams.clear();
    return Future.succeededFuture();
  }

  private void events(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    response.setChunked(true)
      .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      // Reconnect quickly: a redeploy closes the stream and the next generation is already listening.
      .write("retry: 200\nevent: generation\ndata: " + DevStatus.generation(vertx) + "\n\n");
    MessageConsumer<Object> reloads = vertx.eventBus().localConsumer(DevStatus.RELOAD_ADDRESS,
      message -> response.write("event: reload\ndata: " + message.body() + "\n\n"));
    streams.add(response);
    // A stream never ends by itself: a server shutting down gracefully would wait for it until its grace runs out.
    ctx.request().connection().shutdownHandler(v -> response.end());
    response.closeHandler(v -> {
      streams.remove(response);
      reloads.unregister();
    });
  }

  // Pages only: function calls keep being answered by the last generation that started.
  private void failurePage(RoutingContext ctx) {
    JsonObject failure = DevStatus.failure(vertx);
    String path = ctx.request().path();
    if (failure == null || ctx.request().method() != HttpMethod.GET || path.startsWith(apiPrefix)
      || path.startsWith("/assets/") || path.startsWith("/verve/") || path.startsWith("/eventbus/")) {
      ctx.next();
      return;
    }
    String title = failure.getString("title");
    String html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<title>" + ErrorPages.escape(title) + "</title><style>" + ErrorPages.STYLE + "</style></head><body>"
      + "<h1>" + ErrorPages.escape(title) + "</h1>"
      + "<p>The last good version still answers function calls. Fix the file and save: this page reloads itself.</p>"
      + "<pre id=\"verve-dev-failure\">" + ErrorPages.escape(failure.getString("text")) + "</pre>"
      + "<script type=\"module\" src=\"" + SCRIPT + "\"></script></body></html>\n";
    ctx.response().setStatusCode(500)
      .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .end(html);
  }

  private static String resource(String path) {
    try (InputStream in = DevRoutes.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException(path + " is missing from verve-core");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
