package dev.verve.auth;

import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The caller on the event bus: the header {@value #NAME}, JSON {@code {"id", "name", "roles"}}, set only
 * by Verve (the web node from the authenticated request, a proxy from the current caller). The bridge
 * removes it from anything a browser sends.
 */
public final class CallerHeader {

  public static final String NAME = "verve-caller";

  private CallerHeader() {
  }

  public static Caller read(MultiMap headers) {
    String value = headers == null ? null : headers.get(NAME);
    if (value == null) return Caller.ANONYMOUS;
    try {
      return Caller.fromJson(new JsonObject(value));
    } catch (DecodeException | ClassCastException e) {
      return Caller.ANONYMOUS;
    }
  }

  /** Sets (or, for an anonymous caller, removes) the header. */
  public static void write(MultiMap headers, Caller caller) {
    if (caller.isSignedIn()) {
      headers.set(NAME, caller.toJson().encode());
    } else {
      headers.remove(NAME);
    }
  }
}
