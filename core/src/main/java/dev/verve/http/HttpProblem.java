package dev.verve.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem as an exception a handler can {@code ctx.fail(...)} with: a status, a safe human
 * {@code detail} and optional extra members. No stack trace: it is an answer, not a bug.
 */
public final class HttpProblem extends RuntimeException {

  private final int status;
  private final String detail;
  private final JsonObject extensions;
  private long retryAfter;

  public HttpProblem(int status, String detail) {
    this(status, detail, null);
  }

  public HttpProblem(int status, String detail, JsonObject extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.detail = detail;
    this.extensions = extensions;
  }

  public int status() { return status; }

  public String detail() { return detail; }

  /** Seconds for {@code Retry-After} (429, 503); 0 for none. */
  public long retryAfter() { return retryAfter; }

  public HttpProblem retryAfter(long seconds) {
    this.retryAfter = seconds;
    return this;
  }

  /** The problem-details body: {@code type}, {@code title}, {@code status}, {@code detail}, extras. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
      .put("type", "about:blank")
      .put("title", title(status))
      .put("status", status)
      .put("detail", detail);
    if (extensions != null) json.mergeIn(extensions);
    return json;
  }

  static String title(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
