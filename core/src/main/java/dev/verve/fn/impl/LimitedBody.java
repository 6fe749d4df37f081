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
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    request.handler(chunk -> {
      if (refused[0]) return;
      if (body.length() + chunk.length() > limit) {
        refused[0] = true;
        ctx.fail(tooLarge());
      } else {
        body.appendBuffer(chunk);
      }
    });
    request.endHandler(v -> {
      if (!refused[0]) then.handle(body);
    });
    request.resume();
  }

  static HttpProblem tooLarge() {
    return new HttpProblem(413, "The request body is larger than the server accepts");
  }
}
