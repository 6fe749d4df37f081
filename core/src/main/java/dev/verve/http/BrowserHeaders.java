package dev.verve.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * What a browser is told about every answer that is not a function call's: a Content-Security-Policy
 * ({@code http.contentSecurityPolicy}; scripts from this site only, no inline script or {@code eval}, no
 * framing by other sites), {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: SAMEORIGIN} for
 * browsers without {@code frame-ancestors}, a {@code Referrer-Policy} ({@code http.referrerPolicy}), and
 * {@code Strict-Transport-Security} once the session cookie is {@code Secure} (behind TLS). The values are
 * made once; a request pays a few header puts. Function calls (JSON under {@code api.prefix}, which also
 * holds the dev-mode API docs) are left alone.
 */
public final class BrowserHeaders implements Handler<RoutingContext> {

  /**
   * The default policy: pages, the runtime and the bridge need nothing else. The one inline style is the
   * error pages', allowed by its hash.
   */
  public static final String DEFAULT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
    + ErrorPages.STYLE_SOURCE + "; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
    + " form-action 'self'; frame-ancestors 'self'";
  public static final String DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin";

  private static final CharSequence CSP = HttpHeaders.createOptimized("Content-Security-Policy");
  private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
  private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
  private static final CharSequence FRAME_OPTIONS_NAME = HttpHeaders.createOptimized("X-Frame-Options");
  private static final CharSequence SAMEORIGIN = HttpHeaders.createOptimized("SAMEORIGIN");
  private static final CharSequence REFERRER = HttpHeaders.createOptimized("Referrer-Policy");
  private static final CharSequence HSTS_NAME = HttpHeaders.createOptimized("Strict-Transport-Security");
  private static final CharSequence HSTS = HttpHeaders.createOptimized("max-age=31536000");

  private final String apiPrefix;
  private final CharSequence policy;
  private final CharSequence referrerPolicy;
  private volatile boolean strictTransport;

  /** {@code apiPrefix}: where function calls are, which get none of these headers. */
  public BrowserHeaders(HttpOptions options, String apiPrefix) {
    this.apiPrefix = apiPrefix + "/";
    this.policy = options.getContentSecurityPolicy().isEmpty() ? null
      : HttpHeaders.createOptimized(options.getContentSecurityPolicy());
    this.referrerPolicy = options.getReferrerPolicy().isEmpty() ? null
      : HttpHeaders.createOptimized(options.getReferrerPolicy());
  }

  /** Adds {@code Strict-Transport-Security} from now on: the app said it runs behind TLS. */
  public void strictTransportSecurity() {
    strictTransport = true;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!ctx.request().path().startsWith(apiPrefix)) {
      MultiMap headers = ctx.response().headers();
      if (policy != null) headers.add(CSP, policy);
      headers.add(NOSNIFF_NAME, NOSNIFF).add(FRAME_OPTIONS_NAME, SAMEORIGIN);
      if (referrerPolicy != null) headers.add(REFERRER, referrerPolicy);
      if (strictTransport) headers.add(HSTS_NAME, HSTS);
    }
    ctx.next();
  }
}
