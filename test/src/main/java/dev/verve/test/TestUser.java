package dev.verve.test;

import dev.verve.client.VerveClient;
import io.vertx.ext.web.client.WebClientSession;

/** A user signed up for a test: their name, password and bearer token, and the ways in as them. */
public interface TestUser {

  String username();

  String password();

  /** A bearer token from {@code POST /auth/token}. */
  String token();

  /** A new client calling as this user (with their token). */
  VerveClient client();

  /**
   * A browser (JavaScript off, cookies kept) signed in as this user: the one that signed up, or, once the
   * kit has closed that one, a new one signed in through the sign-in form ({@code POST /login}).
   */
  WebClientSession browser();
}
