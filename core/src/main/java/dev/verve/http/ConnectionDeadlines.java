package dev.verve.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Deadlines Vert.x has no option for: a client that sends its request's headers or body a byte at a time
 * keeps a connection (and its buffers) for as long as it likes, since every byte resets the idle timeout.
 * Here a connection must deliver a request's headers within {@code http.headerTimeout} of its opening, and
 * a request's body within {@code http.bodyTimeout} of its headers (counted from the first check that sees
 * them, at most a quarter of the shorter timeout later); otherwise it is closed. Kept alive, a
 * connection gets between one and one and a half header timeouts after a response for the next
 * request's headers (one timer per connection, none per request). HTTP/2 connections and WebSockets are left to the
 * idle timeout and their own limits.
 *
 * <p>Installed by {@code VerveVerticle}: {@link #opened} as the server's connection handler, and
 * {@link #arrived} called for every request before the router.
 */
public final class ConnectionDeadlines {

  private static final Logger LOG = Logger.getLogger(ConnectionDeadlines.class.getName());

  private final Vertx vertx;
  private final long headerTimeoutMs;
  private final long bodyTimeoutMs;
  // Only ever touched on the server's context (its connection and request handlers, each watch's timer and
  // close handler): a plain map, whose lookup by identity reads one array slot.
  private final Map<HttpConnection, Watch> watches = new IdentityHashMap<>();
  private final OpenConnections open;

  public ConnectionDeadlines(Vertx vertx, long headerTimeoutMs, long bodyTimeoutMs) {
    this.vertx = vertx;
    this.headerTimeoutMs = headerTimeoutMs;
    this.bodyTimeoutMs = bodyTimeoutMs;
    this.open = OpenConnections.of(vertx);
  }

  public void opened(HttpConnection connection) {
    Watch watch = new Watch(connection);
    watches.put(connection, watch);
    open.opened();
    connection.closeHandler(v -> watch.stop());
  }

  public void arrived(HttpServerRequest request) {
    Watch watch = watches.get(request.connection());
    if (watch != null) watch.arrived(request);
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return length != null ? !length.equals("0") : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
  }

  /**
   * One connection's deadlines, checked by one periodic timer (a quarter of the shorter timeout) rather
   * than a timer per request: a request costs a map lookup. The check itself notes when it first saw a
   * request, so a body's deadline counts from at most a quarter timeout after its headers came. Its timer and
   * requests all run on the connection's event loop.
   */
  private final class Watch {
    private final HttpConnection connection;
    private final long timer;
    private final long openedAt = System.nanoTime();
    private HttpServerRequest current;
    private long arrivedAt;
    private long quietSince = -1;

    Watch(HttpConnection connection) {
      this.connection = connection;
      this.timer = vertx.setPeriodic(Math.max(1, Math.min(headerTimeoutMs, bodyTimeoutMs) / 4), id -> check());
    }

    void arrived(HttpServerRequest request) {
      if (request.version() == HttpVersion.HTTP_2) {
        stop(); // streams are multiplexed: one stream's end says nothing about the others
        return;
      }
      current = request;
      arrivedAt = -1; // the next check notes the time
      quietSince = -1;
    }

    private void check() {
      long now = System.nanoTime();
      if (current == null) {
        if (elapsedMs(openedAt, now) >= headerTimeoutMs) close("no request headers within " + headerTimeoutMs + " ms of connecting");
      } else if (current.response().getStatusCode() == 101) {
        stop(); // a WebSocket now
      } else if (!current.response().ended()) {
        // Still answering: the function's own timeout applies, once the body is in.
        // Whether it has a body is asked here, a few times a second, rather than of every request.
        if (arrivedAt < 0) arrivedAt = now;
        else if (!current.isEnded() && elapsedMs(arrivedAt, now) >= bodyTimeoutMs && hasBody(current)) {
          close("a request body took over " + bodyTimeoutMs + " ms");
        }
      } else if (quietSince < 0) {
        quietSince = now; // answered: the wait for the next request's headers has begun
      } else if (elapsedMs(quietSince, now) >= headerTimeoutMs) {
        close("no new request headers within " + headerTimeoutMs + " ms of the last response");
      }
    }

    private void close(String why) {
      LOG.fine(() -> "Closing a connection: " + why);
      stop();
      connection.close();
    }

    void stop() {
      vertx.cancelTimer(timer);
      // Once per connection, whether closed here or by the client.
      if (watches.remove(connection) != null) open.closed();
    }
  }

  private static long elapsedMs(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
