package dev.verve.test.impl;

import dev.verve.client.VerveClient;
import dev.verve.test.TestUser;
import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.ext.web.client.WebClientSession;

/** A user {@link RunningApp#signUp()} made; its browser is the one that signed up (signed in since). */
final class SignedUpUser implements TestUser {

  private final RunningApp app;
  private final String username;
  private final String password;
  private final String token;
  private final WebClientSession browser;

  SignedUpUser(RunningApp app, String username, String password, String token, WebClientSession browser) {
    this.app = app;
    this.username = username;
    this.password = password;
    this.token = token;
    this.browser = browser;
  }

  @Override
  public String username() {
    return username;
  }

  @Override
  public String password() {
    return password;
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public VerveClient client() {
    return app.client().token(token);
  }

  @Override
  public WebClientSession browser() {
    return browser;
  }

  /** {@code name=value} of the browser's session cookie, for a bridge socket opened as this user. */
  String sessionCookie() {
    StringBuilder header = new StringBuilder();
    for (Cookie cookie : browser.cookieStore().get(false, "127.0.0.1", "/")) {
      if (header.length() > 0) header.append("; ");
      header.append(cookie.name()).append('=').append(cookie.value());
    }
    return header.toString();
  }
}
