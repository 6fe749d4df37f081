package dev.verve.auth;

import dev.verve.auth.impl.PasswordsImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Salted password hashes from vertx-auth's hashing (PBKDF2 with HMAC-SHA512), computed on worker threads:
 * a hash costs tens of milliseconds on purpose, which an event loop must not spend. A stored hash is a
 * PHC-style string carrying its algorithm, iterations and salt, so raising the iterations later keeps old
 * hashes verifiable.
 */
public interface Passwords {

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
  int DEFAULT_ITERATIONS = 210_000;

  static Passwords create(Vertx vertx) {
    return create(vertx, DEFAULT_ITERATIONS);
  }

  static Passwords create(Vertx vertx, int iterations) {
    return new PasswordsImpl(vertx, iterations);
  }

  /** A new salted hash of {@code password}, to store instead of it. */
  Future<String> hash(String password);

  /**
   * Whether {@code password} matches {@code hash}. A {@code null} hash (no such user) is checked against a
   * dummy hash and is {@code false}, in the same time as a real check: the answer's timing does not tell
   * which usernames exist.
   */
  Future<Boolean> verify(String hash, String password);
}
