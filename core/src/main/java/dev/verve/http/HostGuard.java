package dev.verve.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The first handler of the router: a request whose {@code Host} is not a name this server answers for gets
 * 421 before anything else runs. A page on {@code rebind.evil.example}, whose name its owner pointed at
 * 127.0.0.1, sends {@code Host} and {@code Origin} both naming itself, so the origin check alone would take
 * it for a same-origin call. Names compare case-insensitively and without the port: a rebinding page
 * cannot choose the name the victim's browser puts in {@code Host}, only the port, and proxies and
 * browsers disagree on whether to write a default port.
 */
public final class HostGuard implements Handler<RoutingContext> {

  /** Names a server bound to loopback answers for by default. */
  private static final Logger LOG = Logger.getLogger(HostGuard.class.getName());

  public static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");

  private final Set<String> allowed = new HashSet<>();
  private final boolean any;
  private final String apiPrefix;

  /** {@code apiPrefix}: requests under it are function calls, refused with problem details. */
  public HostGuard(HttpOptions options, String apiPrefix) {
    List<String> configured = options.getAllowedHosts();
    if (configured.isEmpty()) {
      if (options.getHost().equals("0.0.0.0") || options.getHost().equals("::")) {
        LOG.warning("http.host " + options.getHost() + " binds every interface, but without http.allowedHosts"
          + " only requests for the loopback names are answered (others get 421)");
      }
      allowed.add(normalize(options.getHost()));
      LOOPBACK.forEach(name -> allowed.add(normalize(name)));
    } else {
      configured.forEach(name -> allowed.add(normalize(name)));
    }
    this.any = allowed.contains("*");
    this.apiPrefix = apiPrefix + "/";
  }

  @Override
  public void handle(RoutingContext ctx) {
    String host = host(ctx.request());
    if (host == null) {
      refuse(ctx, 400, "A request must name the host it is for (the Host header)");
    } else if (allows(host)) {
      ctx.next();
    } else {
      refuse(ctx, 421, "This server does not answer for that host name");
    }
  }

  /** Whether this guard lets {@code request} through. */
  public boolean allows(HttpServerRequest request) {
    String host = host(request);
    return host != null && allows(host);
  }

  /** Whether this guard lets a request through whose (one) {@code Host} header is {@code header}. */
  boolean allowsHostHeader(String header) {
    String host = hostOf(header);
    return host != null && allows(host);
  }

  private boolean allows(String host) {
    return any || allowed.contains(host) || allowed.contains(normalize(host));
  }

  /**
   * The host name the request is for, without its port; null when it names none. Read from the {@code Host}
   * header itself: vertx-web's {@code authority()} works out forwarded headers first, on every request, which
   * this guard has no use for (the name a browser was pointed at is in {@code Host}). HTTP/2's
   * {@code :authority} has no {@code Host} header: Vert.x's own parse then.
   */
  private static String host(HttpServerRequest request) {
    String header = request.headers().get(HttpHeaders.HOST);
    if (header == null) {
      HostAndPort authority = request.authority();
      return authority == null ? null : authority.host();
    }
    return hostOf(header);
  }

  private static String hostOf(String header) {
    String host;
    if (header.startsWith("[")) {
      int end = header.indexOf(']');
      host = end < 0 ? header : header.substring(0, end + 1);
    } else {
      int colon = header.lastIndexOf(':');
      host = colon < 0 ? header : header.substring(0, colon);
    }
    return host.isBlank() ? null : host;
  }

  // Function calls get problem details like every other API answer; anything else an HTML page.
  private void refuse(RoutingContext ctx, int status, String detail) {
    if (ctx.request().path().startsWith(apiPrefix)) {
      Problems.send(ctx.response(), new HttpProblem(status, detail));
    } else {
      ErrorPages.send(ctx.response(), status, detail);
    }
  }

  static String normalize(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    return h;
  }
}
