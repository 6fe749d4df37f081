package dev.verve.test.impl;

import dev.verve.client.VerveClient;
import dev.verve.test.TestUser;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.client.WebClientSession;

/**
 * A user {@link RunningApp#signUp()} made through the app's own forms. Their browser is the one that signed
 * up; once the kit has closed it (after the test that made the user), a new one signs in through the form.
 */
final class SignedUpUser implements TestUser {

  private final RunningApp app;
  private final String username;
  private final String password;
  private String token;
  private WebClientSession browser;

  private SignedUpUser(RunningApp app, String username, String password) {
    this.app = app;
    this.username = username;
    this.password = password;
  }

  static SignedUpUser signUp(RunningApp app, String username, String password) {
    SignedUpUser user = new SignedUpUser(app, username, password);
    WebClientSession browser = user.newBrowser();
    app.postForm(browser, "/signup", user.form(), "Signing " + username + " up");
    user.token = app.token(username, password);
    user.browser = browser;
    return user;
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
  public synchronized WebClientSession browser() {
    if (browser == null) {
      WebClientSession signingIn = newBrowser();
      app.postForm(signingIn, "/login", form(), "Signing " + username + " in");
      browser = signingIn;
    }
    return browser;
  }

  private WebClientSession newBrowser() {
    WebClientSession[] created = new WebClientSession[1];
    created[0] = app.browser(() -> closed(created[0]));
    return created[0];
  }

  private synchronized void closed(WebClientSession closing) {
    if (browser == closing) browser = null;
  }

  private MultiMap form() {
    return MultiMap.caseInsensitiveMultiMap().add("username", username).add("password", password);
  }
}
