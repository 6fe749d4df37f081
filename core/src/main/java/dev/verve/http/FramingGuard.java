package dev.verve.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Refuses, before a byte of the body is read, an HTTP/1 request whose body length two parsers could read
 * differently (request smuggling, RFC 9112 section 6): a {@code Transfer-Encoding} other than exactly
 * {@code chunked} once (Netty reads {@code gzip, chunked} as chunked without decoding gzip), one on an
 * HTTP/1.0 request, or one beside a {@code Content-Length}. The answer is 400 and the connection is closed,
 * since what follows on it cannot be framed. Netty (4.2.18) already refuses {@code chunked, xchunked},
 * a repeated header and {@code Content-Length} beside it; this covers the rest, and any older Netty. So is a
 * request with two {@code Host}, {@code Origin} or {@code Content-Length} headers, whichever a reader takes.
 */
public final class FramingGuard implements Handler<RoutingContext> {

  private static final long GRACE_SECONDS = 5;

  /** Whether this guard lets {@code request} through: one body length, one host, one origin. */
  public static boolean allows(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_2) return true;
    return repeated(request.headers()) == null && folded(request.headers()) == null && !isAmbiguous(request);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.version() == HttpVersion.HTTP_2) {
      ctx.next();
      return;
    }
    String repeated = repeated(request.headers());
    String folded = repeated == null ? folded(request.headers()) : null;
    if (repeated != null) {
      refuse(ctx, "The request carries " + repeated + " more than once");
    } else if (folded != null) {
      refuse(ctx, "The request's " + folded + " header is folded onto a continuation line (obs-fold, RFC 9112 5.2)");
    } else if (isAmbiguous(request)) {
      refuse(ctx, "The request's Transfer-Encoding is not supported: send a Content-Length or Transfer-Encoding: chunked");
    } else {
      ctx.next();
    }
  }

  /**
   * A header that must appear once and does not (RFC 9112 3.2, 6.3; RFC 6454 7.3): which of two {@code Host}s
   * or {@code Origin}s is meant, or which length frames the body, is what two parsers would disagree on. One
   * pass over the headers, no list made: this runs for every request.
   */
  private static String repeated(MultiMap headers) {
    int hosts = 0;
    int origins = 0;
    int lengths = 0;
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey();
      switch (name.length()) {
        case 4 -> hosts += name.equalsIgnoreCase("Host") ? 1 : 0;
        case 6 -> origins += name.equalsIgnoreCase("Origin") ? 1 : 0;
        case 14 -> lengths += name.equalsIgnoreCase("Content-Length") ? 1 : 0;
        default -> { }
      }
    }
    if (hosts > 1) return "Host";
    if (origins > 1) return "Origin";
    if (lengths > 1) return "Content-Length";
    return null;
  }

  /**
   * A header naming the host or framing the body whose value starts with a space: Netty trims a value on its
   * own line, so only a value folded from an empty first line does (obs-fold). Netty joins other folded
   * lines with a space, which RFC 9112 5.2 allows, and which reads the same to every parser.
   */
  private static String folded(MultiMap headers) {
    if (startsWithSpace(headers.get(HttpHeaders.HOST))) return "Host";
    if (startsWithSpace(headers.get(HttpHeaders.ORIGIN))) return "Origin";
    if (startsWithSpace(headers.get(HttpHeaders.CONTENT_LENGTH))) return "Content-Length";
    return null;
  }

  static boolean startsWithSpace(CharSequence value) {
    return value != null && value.length() > 0 && (value.charAt(0) == ' ' || value.charAt(0) == '\t');
  }

  private static void refuse(RoutingContext ctx, String detail) {
    HttpServerRequest request = ctx.request();
    HttpProblem problem = new HttpProblem(400, detail);
    // Shut down first: Vert.x then writes this answer, closes, and drops any request already read behind
    // it (ending the answer first would let it dispatch a pipelined, possibly smuggled, request).
    request.connection().shutdown(GRACE_SECONDS, TimeUnit.SECONDS);
    ctx.response().setStatusCode(400)
      .putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
      .putHeader(HttpHeaders.CONNECTION, "close")
      .end(problem.toJson().toBuffer());
  }

  private static boolean isAmbiguous(HttpServerRequest request) {
    if (!request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) return false;
    List<String> codings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
    // Exactly "chunked": Netty trims a plain value, so spaces around it mean a folded line (obs-fold) was joined.
    return codings.size() != 1 || !codings.get(0).equalsIgnoreCase("chunked")
      || request.version() != HttpVersion.HTTP_1_1 || request.headers().contains(HttpHeaders.CONTENT_LENGTH);
  }
}
