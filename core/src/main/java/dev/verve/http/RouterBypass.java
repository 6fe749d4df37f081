package dev.verve.http;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

import java.util.Iterator;
import java.util.Map;

/**
 * Which requests may be served before the router: those its shared handlers would all pass on unchanged,
 * for an anonymous caller. Each check is the guard's own ({@link HostGuard}, {@link FramingGuard},
 * {@link OriginGuard}); no {@code Authorization} header and no session cookie mean {@link Sessions} and the
 * caller's handler would find nobody signed in; {@link BrowserHeaders} adds nothing under the API prefix.
 * Anything else, a refusal included, goes through the router as before. What it serves is counted by
 * {@link HttpAnswers} as the router's first handler would count it.
 *
 * <p>An HTTP/1.x request's headers are read in one pass, each once, rather than looked up by name about ten
 * times; the guards then judge the values read. Whatever that pass cannot settle (no {@code Host}, a header
 * that must be single seen twice) is left to the router, whose guards answer it.
 */
public final class RouterBypass {

  private static final AsciiString HOST = AsciiString.cached("host");
  private static final AsciiString ORIGIN = AsciiString.cached("origin");
  private static final AsciiString COOKIE = AsciiString.cached("cookie");
  private static final AsciiString AUTHORIZATION = AsciiString.cached("authorization");
  private static final AsciiString CONTENT_LENGTH = AsciiString.cached("content-length");
  private static final AsciiString SEC_FETCH_SITE = AsciiString.cached("sec-fetch-site");
  private static final AsciiString TRANSFER_ENCODING = AsciiString.cached("transfer-encoding");
  private static final AsciiString SESSION_COOKIE = AsciiString.cached(Sessions.COOKIE);

  private final HostGuard hosts;
  private final HttpAnswers answers;

  public RouterBypass(HostGuard hosts, HttpAnswers answers) {
    this.hosts = hosts;
    this.answers = answers;
  }

  /** Whether {@code request} may skip the router's shared handlers. */
  public boolean passes(HttpServerRequest request) {
    MultiMap headers = request.headers();
    if (request.version() == HttpVersion.HTTP_2 || !(headers instanceof io.netty.handler.codec.http.HttpHeaders)) {
      return passesByLookup(request);
    }
    CharSequence host = null;
    CharSequence origin = null;
    CharSequence length = null;
    CharSequence fetchSite = null;
    CharSequence encoding = null;
    int encodings = 0;
    Iterator<Map.Entry<CharSequence, CharSequence>> all =
      ((io.netty.handler.codec.http.HttpHeaders) headers).iteratorCharSequence();
    while (all.hasNext()) {
      Map.Entry<CharSequence, CharSequence> header = all.next();
      CharSequence name = header.getKey();
      CharSequence value = header.getValue();
      // Compared by length first: most headers are none of these.
      switch (name.length()) {
        case 4 -> {
          if (AsciiString.contentEqualsIgnoreCase(name, HOST)) {
            if (host != null) return false; // two: FramingGuard's 400
            host = value;
          }
        }
        case 6 -> {
          if (AsciiString.contentEqualsIgnoreCase(name, ORIGIN)) {
            if (origin != null) return false;
            origin = value;
          } else if (AsciiString.contentEqualsIgnoreCase(name, COOKIE) && AsciiString.contains(value, SESSION_COOKIE)) {
            return false; // maybe signed in: the session handler decides
          }
        }
        case 13 -> {
          if (AsciiString.contentEqualsIgnoreCase(name, AUTHORIZATION)) return false;
        }
        case 14 -> {
          if (AsciiString.contentEqualsIgnoreCase(name, CONTENT_LENGTH)) {
            if (length != null) return false;
            length = value;
          } else if (fetchSite == null && AsciiString.contentEqualsIgnoreCase(name, SEC_FETCH_SITE)) {
            fetchSite = value; // the first, as a lookup by name gives
          }
        }
        case 17 -> {
          if (AsciiString.contentEqualsIgnoreCase(name, TRANSFER_ENCODING)) {
            encodings++;
            if (encoding == null) encoding = value;
          }
        }
        default -> { }
      }
    }
    // FramingGuard: nothing folded, one way to frame the body (chunked alone, on HTTP/1.1).
    if (FramingGuard.startsWithSpace(host) || FramingGuard.startsWithSpace(origin)
      || FramingGuard.startsWithSpace(length)) {
      return false;
    }
    if (encodings > 0 && (encodings > 1 || !AsciiString.contentEqualsIgnoreCase(encoding, HttpHeaders.CHUNKED)
      || request.version() != HttpVersion.HTTP_1_1 || length != null)) {
      return false;
    }
    // HostGuard (no Host: its own way to find the host, through the router), then OriginGuard.
    return host != null && hosts.allowsHostHeader(host.toString())
      && OriginGuard.sameSite(request, origin == null ? null : origin.toString(),
        fetchSite == null ? null : fetchSite.toString());
  }

  // HTTP/2, or headers that are not Netty's: each guard's check as it is (and what the one pass must agree with).
  boolean passesByLookup(HttpServerRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) return false;
    for (String cookies : request.headers().getAll(HttpHeaders.COOKIE)) {
      if (cookies.contains(Sessions.COOKIE)) return false;
    }
    return hosts.allows(request) && FramingGuard.allows(request) && OriginGuard.sameSite(request);
  }

  /** Counts the answer to a request served without the router, once its headers are written. */
  public void count(HttpServerRequest request) {
    HttpServerResponse response = request.response();
    response.headersEndHandler(v -> answers.count(response.getStatusCode()));
  }
}
