package dev.verve.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The HTML error pages (404, 500, 504, ...): complete pages with an honest status and a safe message,
 * never a half-rendered page or an exception's text.
 */
public final class ErrorPages {

  /**
   * The one inline style of Verve's own pages: the error pages and the built-in layout
   * ({@code dev/verve/templates/layout.hbs}, which must carry it byte for byte, or the policy blocks it).
   */
  public static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;"
    + "padding:0 1rem;color:#222}h1{font-size:1.6rem}a{color:#5b3cc4}label{display:block;margin:1rem 0 .25rem}"
    + "input{font:inherit;padding:.4rem;width:100%;max-width:22rem;box-sizing:border-box}"
    + "button{font:inherit;padding:.4rem 1.2rem;margin-top:1.2rem}.error{color:#b00020;margin:.25rem 0}";
  /** The page's one inline style, as a Content-Security-Policy source: {@code 'sha256-...'}. */
  public static final String STYLE_SOURCE = "'sha256-" + sha256(STYLE) + "'";

  private ErrorPages() {
  }

  public static void send(HttpServerResponse response, int status, String detail) {
    if (response.ended() || response.closed() || response.headWritten()) {
      return;
    }
    String title = status + " " + HttpResponseStatus.valueOf(status).reasonPhrase();
    String html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      + "<title>" + escape(title) + "</title>"
      + "<style>" + STYLE + "</style></head>"
      + "<body><h1>" + escape(title) + "</h1><p>" + escape(detail) + "</p><p><a href=\"/\">Home</a></p></body></html>\n";
    response.setStatusCode(status)
      .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .end(html);
  }

  /** Text for HTML content or a quoted attribute: only the characters that end a text or an attribute matter. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&': out.append("&amp;"); break;
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&#x27;"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }


  private static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
