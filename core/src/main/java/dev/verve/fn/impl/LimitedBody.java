package dev.verve.fn.impl;

import dev.verve.http.HttpProblem;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body up to a limit: a declared {@code Content-Length} over it is refused before reading
 * anything, a body that grows past it while streaming is refused as soon as it does (413 both times).
 */
final class LimitedBody {

  private LimitedBody() {
  }

  static void read(HttpCall ctx, long limit, Handler<Buffer> then) {
    HttpServerRequest request = ctx.request();
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > limit) {
          ctx.fail(tooLarge());
          return;
        }
      } catch (NumberFormatException e) {
        ctx.fail(new HttpProblem(400, "Content-Length is not a number"));
        return;
      }
    }
    if (request.isEnded()) {
      then.handle(Buffer.buffer());
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      ctx.response().writeContinue();
    }
    Body body = new Body();
    request.handler(chunk -> {
      if (body.refused) return;
      if (body.length() + chunk.length() > limit) {
        body.refused = true;
        ctx.fail(tooLarge());
      } else {
        body.add(chunk);
      }
    });
    request.endHandler(v -> {
      if (!body.refused) then.handle(body.whole());
    });
    request.resume();
  }

  // A body in one chunk (a small call's) is kept as it came; a second chunk starts a copy.
  private static final class Body {
    Buffer first;
    Buffer joined;
    boolean refused;

    int length() {
      return joined != null ? joined.length() : first != null ? first.length() : 0;
    }

    void add(Buffer chunk) {
      if (first == null) {
        first = chunk;
      } else {
        if (joined == null) joined = Buffer.buffer(first.length() + chunk.length()).appendBuffer(first);
        joined.appendBuffer(chunk);
      }
    }

    Buffer whole() {
      return joined != null ? joined : first != null ? first : Buffer.buffer();
    }
  }

  static HttpProblem tooLarge() {
    return new HttpProblem(413, "The request body is larger than the server accepts");
  }
}
