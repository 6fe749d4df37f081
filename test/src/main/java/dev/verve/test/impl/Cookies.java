package dev.verve.test.impl;

import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.ext.web.client.WebClientSession;

/** A browser's cookies as the {@code Cookie} header it would send to a path of the app. */
final class Cookies {

  private Cookies() {
  }

  static String header(WebClientSession browser, String path) {
    StringBuilder header = new StringBuilder();
    for (Cookie cookie : browser.cookieStore().get(false, "127.0.0.1", path)) {
      if (header.length() > 0) header.append("; ");
      header.append(cookie.name()).append('=').append(cookie.value());
    }
    return header.toString();
  }
}
