package dev.verve.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Which requests may be served before the router: those its shared handlers would all pass on unchanged,
 * for an anonymous caller. Each check is the guard's own ({@link HostGuard}, {@link FramingGuard},
 * {@link OriginGuard}); no {@code Authorization} header and no session cookie mean {@link Sessions} and the
 * caller's handler would find nobody signed in; {@link BrowserHeaders} adds nothing under the API prefix.
 * Anything else, a refusal included, goes through the router as before. What it serves is counted by
 * {@link HttpAnswers} as the router's first handler would count it.
 */
public final class RouterBypass {

  private final HostGuard hosts;
  private final HttpAnswers answers;

  public RouterBypass(HostGuard hosts, HttpAnswers answers) {
    this.hosts = hosts;
    this.answers = answers;
  }

  /** Whether {@code request} may skip the router's shared handlers. */
  public boolean passes(HttpServerRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) return false;
    String cookies = request.getHeader(HttpHeaders.COOKIE);
    if (cookies != null && cookies.contains(Sessions.COOKIE)) return false;
    return hosts.allows(request) && FramingGuard.allows(request) && OriginGuard.sameSite(request);
  }

  /** Counts the answer to a request served without the router, once its headers are written. */
  public void count(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    response.headersEndHandler(v -> answers.count(response.getStatusCode()));
  }
}
