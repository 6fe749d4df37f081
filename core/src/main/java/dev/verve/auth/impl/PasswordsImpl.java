package dev.verve.auth.impl;

import dev.verve.auth.Passwords;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.hashing.HashingStrategy;
import io.vertx.ext.auth.prng.VertxContextPRNG;

import java.util.Map;

public final class PasswordsImpl implements Passwords {

  private static final HashingStrategy HASHING = HashingStrategy.load();

  private final Vertx vertx;
  private final Map<String, String> params;
  private volatile String dummy;

  public PasswordsImpl(Vertx vertx, int iterations) {
    if (iterations < 1000) throw new IllegalArgumentException("auth.passwordIterations must be at least 1000");
    this.vertx = vertx;
    this.params = Map.of("it", String.valueOf(iterations));
  }

  @Override
  public Future<String> hash(String password) {
    String salt = salt();
    return vertx.executeBlocking(() -> HASHING.hash("pbkdf2", params, salt, password), false);
  }

  @Override
  public Future<Boolean> verify(String hash, String password) {
    String salt = hash == null && dummy == null ? salt() : null;
    return vertx.executeBlocking(() -> {
      if (hash == null) {
        // Made on a worker, once: it costs what a real hash costs.
        if (dummy == null) dummy = HASHING.hash("pbkdf2", params, salt, "not a password");
        HASHING.verify(dummy, password);
        return false;
      }
      return HASHING.verify(hash, password);
    }, false);
  }

  private String salt() {
    return VertxContextPRNG.current(vertx).nextString(32);
  }
}
