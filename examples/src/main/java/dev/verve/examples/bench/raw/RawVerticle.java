package dev.verve.examples.bench.raw;

import dev.verve.examples.bench.FortuneSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;

import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's baseline: the workload on plain vertx-web, no Verve. A {@link Router},
 * vertx-web-templ-handlebars for the page, a direct JSON route for the function. Deploy one instance per
 * core ({@code -instances 2} under Vert.x's launcher); config {@code http.host} (127.0.0.1) and
 * {@code http.port} (18092).
 *
 * <ul>
 *   <li>{@code GET /fortunes}: the data source's rows plus one, sorted by message, rendered by
 *   {@code bench/raw/fortunes.hbs} with the state block {@code <script type="application/json" id="state">}.
 *   <li>{@code POST /api/double}: {@code {"number": 21}} gives {@code {"result":42}}; malformed JSON or no
 *   numeric {@code number} gives 400.
 * </ul>
 */
public class RawVerticle extends VerticleBase {

  private static final CharSequence HTML = HttpHeaders.createOptimized("text/html; charset=utf-8");
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private static final Buffer BAD_REQUEST = Buffer.buffer("{\"error\":\"send {\\\"number\\\": <a number>}\"}");

  private HandlebarsTemplateEngine engine;
  private HttpServer server;

  @Override
  public Future<?> start() {
    engine = HandlebarsTemplateEngine.create(vertx);
    Router router = Router.router(vertx);
    router.get("/fortunes").handler(this::fortunes);
    router.post("/api/double")
      .handler(BodyHandler.create(false).setBodyLimit(64 * 1024))
      .handler(RawVerticle::doubleNumber);
    HttpServerOptions options = new HttpServerOptions()
      .setHost(config().getString("http.host", "127.0.0.1"))
      .setPort(Integer.parseInt(String.valueOf(config().getValue("http.port", 18092))));
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  /** The port actually bound (for {@code http.port} 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  private void fortunes(RoutingContext ctx) {
    FortuneSource.fortunes().compose(rows -> {
      JsonArray sorted = FortuneSource.withAdditionalSorted(rows);
      Map<String, Object> model = new HashMap<>(4);
      model.put("fortunes", sorted);
      model.put("state", ScriptJson.escape(new JsonObject().put("fortunes", sorted).encode()));
      return engine.render(model, "bench/raw/fortunes.hbs");
    }).onComplete(page -> {
      if (page.failed()) {
        ctx.fail(page.cause());
      } else {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, HTML).end(page.result());
      }
    });
  }

  private static void doubleNumber(RoutingContext ctx) {
    Object number;
    try {
      Object body = ctx.body().asJsonObject();
      number = body instanceof JsonObject ? ((JsonObject) body).getValue("number") : null;
    } catch (DecodeException | ClassCastException e) {
      number = null;
    }
    if (!(number instanceof Number)) {
      ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(BAD_REQUEST);
      return;
    }
    Number n = (Number) number;
    Object doubled = n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal
      ? (Object) (n.doubleValue() * 2) : (Object) (n.longValue() * 2);
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON)
      .end(new JsonObject().put("result", doubled).toBuffer());
  }
}
