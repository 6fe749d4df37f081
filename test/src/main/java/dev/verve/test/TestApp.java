package dev.verve.test;

import dev.verve.client.VerveClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClientSession;

/** The app a {@link VerveTest} class runs against, and the ways in a user has. */
public interface TestApp {

  /** The app's Vert.x. */
  Vertx vertx();

  /** The port it serves HTTP on. */
  int port();

  /** {@code http://127.0.0.1:<port>}. */
  String url();

  /** A new anonymous client of the app's functions ({@code client.of(Notes.class)}). */
  VerveClient client();

  /**
   * A new user, signed up through the app's sign-up page ({@code POST /signup}) with a unique name and a
   * random password, with a bearer token from {@code POST /auth/token}. The app needs sign-up turned on
   * ({@code verve.auth(database).allowSignUp()}).
   */
  TestUser signUp();

  /**
   * A browser with JavaScript off: it keeps cookies and does not follow redirects, so a test sees each
   * {@code 303} and the page after it.
   */
  WebClientSession browser();

  /**
   * What the bridge delivers on {@code address} to an anonymous browser, from when this returns; an
   * {@code AssertionError} if the bridge refuses the address.
   */
  BusSubscription subscribe(String address);

  /** Like {@link #subscribe(String)}, on a socket opened with {@code user}'s browser session. */
  BusSubscription subscribe(String address, TestUser user);

  /**
   * The future's result, waiting at most 20 s (then an {@code AssertionError}); its failure is thrown as it
   * is, so {@code assertThrows(ServiceException.class, () -> app.await(notes.list()))} works. Not on a Vert.x
   * thread: it blocks.
   */
  <T> T await(Future<T> future);
}
