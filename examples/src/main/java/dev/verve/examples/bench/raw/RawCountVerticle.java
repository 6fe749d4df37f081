package dev.verve.examples.bench.raw;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The stream benchmark's baseline (examples/bench/stream.sh): {@code POST /api/count} with {@code {"to": n}}
 * answers the integers 1..n as NDJSON, written by hand on plain vertx-web with its own back-pressure (write
 * 16 KB chunks until the write queue is full, go on when it drains): the same bytes as Verve's
 * {@code Counter.count} with {@code Accept: application/x-ndjson}. Config {@code http.port} (18094).
 */
public class RawCountVerticle extends VerticleBase {

  private static final int CHUNK = 16 * 1024;

  private HttpServer server;

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.post("/api/count").handler(BodyHandler.create(false).setBodyLimit(1024)).handler(RawCountVerticle::count);
    HttpServerOptions options = new HttpServerOptions()
      .setHost(config().getString("http.host", "127.0.0.1"))
      .setPort(Integer.parseInt(String.valueOf(config().getValue("http.port", 18094))));
    return vertx.createHttpServer(options).requestHandler(router).listen().onSuccess(s -> server = s);
  }

  /** The port actually bound (for {@code http.port} 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }

  private static void count(RoutingContext ctx) {
    int to;
    try {
      to = ((JsonObject) ctx.body().asJsonObject()).getInteger("to");
    } catch (DecodeException | ClassCastException | NullPointerException e) {
      ctx.response().setStatusCode(400).end();
      return;
    }
    HttpServerResponse response = ctx.response().setChunked(true)
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson");
    new Writer(response, to).run();
  }

  private static final class Writer {
    private final HttpServerResponse response;
    private final int to;
    private int next = 1;

    Writer(HttpServerResponse response, int to) {
      this.response = response;
      this.to = to;
    }

    void run() {
      while (next <= to && !response.writeQueueFull()) {
        Buffer chunk = Buffer.buffer(CHUNK + 16);
        while (next <= to && chunk.length() < CHUNK) {
          chunk.appendString(Integer.toString(next++)).appendByte((byte) '\n');
        }
        response.write(chunk);
      }
      if (next > to) {
        response.end();
      } else {
        response.drainHandler(v -> run());
      }
    }
  }
}
