package dev.verve.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses cross-site calls: a request whose {@code Origin} names another origin gets 403 unless that
 * origin is listed, and so does one whose {@code Sec-Fetch-Site} is {@code cross-site}. Listed origins get
 * the CORS headers (and an answer to their preflight). Requests without either header (curl,
 * server-to-server) and same-origin requests pass.
 */
public final class OriginGuard implements Handler<RoutingContext> {

  private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
  private static final String CROSS_SITE = "cross-site";

  private final Set<String> allowed;

  public OriginGuard(List<String> allowedOrigins) {
    this.allowed = allowedOrigins.stream().map(OriginGuard::normalize).collect(Collectors.toSet());
  }

  /**
   * Whether {@code request} is one this guard passes on as it is, whatever origins are listed: no
   * {@code Origin} or this server's own, and not started by another site.
   */
  public static boolean sameSite(HttpServerRequest request) {
    return sameSite(request, request.getHeader(HttpHeaders.ORIGIN), request.getHeader(SEC_FETCH_SITE));
  }

  /** {@link #sameSite(HttpServerRequest)} for the request's {@code Origin} and {@code Sec-Fetch-Site}, read already. */
  static boolean sameSite(HttpServerRequest request, String origin, String fetchSite) {
    return (origin == null || isSameOrigin(request, origin)) && !CROSS_SITE.equalsIgnoreCase(fetchSite);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null || isSameOrigin(request, origin)) {
      // The browser's own word: a request a page of another site started. Some requests (a form's GET,
      // a privacy mode) carry no Origin, but every current browser sends Sec-Fetch-Site.
      if (CROSS_SITE.equalsIgnoreCase(request.getHeader(SEC_FETCH_SITE))) {
        ctx.fail(new HttpProblem(403, "Requests started by another site are not allowed here"));
        return;
      }
      ctx.next();
      return;
    }
    String normalized = normalize(origin);
    if (!allowed.contains(normalized)) {
      ctx.fail(new HttpProblem(403, "Cross-origin calls from " + sanitize(origin) + " are not allowed"));
      return;
    }
    ctx.response()
      .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
      .putHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    if (request.method() == HttpMethod.OPTIONS
      && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
      ctx.response()
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST")
        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type")
        .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600")
        .setStatusCode(204)
        .end();
      return;
    }
    ctx.next();
  }

  /** Whether {@code origin} (scheme://host[:port]) is this server's own, as the request reached it. */
  public static boolean isSameOrigin(HttpServerRequest request, String origin) {
    HostAndPort authority = request.authority();
    if (authority == null) return false;
    String own = request.scheme() + "://" + authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "");
    return normalize(own).equals(normalize(origin));
  }

  // Origins compare case-insensitively, and an explicit default port equals no port.
  static String normalize(String origin) {
    String o = origin.trim().toLowerCase(Locale.ROOT);
    while (o.endsWith("/")) o = o.substring(0, o.length() - 1);
    if (o.startsWith("http://") && o.endsWith(":80")) o = o.substring(0, o.length() - 3);
    if (o.startsWith("https://") && o.endsWith(":443")) o = o.substring(0, o.length() - 4);
    return o;
  }

  private static String sanitize(String origin) {
    String s = origin.length() > 100 ? origin.substring(0, 100) + "..." : origin;
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
