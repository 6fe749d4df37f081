package dev.verve.auth;

import dev.verve.impl.ConfigValues;
import io.vertx.core.json.JsonObject;

/**
 * Sign-in, sessions and tokens. {@link #fromConfig(JsonObject)} reads {@code auth.tokenKey},
 * {@code auth.tokenTtl}, {@code auth.sessionTimeout}, {@code auth.secureCookie},
 * {@code auth.maxFailures}, {@code auth.failureWindow} and {@code auth.passwordIterations}.
 */
public class AuthOptions {

  public static final long DEFAULT_TOKEN_TTL_SECONDS = 3600;
  public static final long DEFAULT_SESSION_TIMEOUT_MS = 30 * 60 * 1000;
  public static final int DEFAULT_MAX_FAILURES = 5;
  public static final long DEFAULT_FAILURE_WINDOW_SECONDS = 300;

  private String tokenKey;
  private long tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS;
  private long sessionTimeoutMs = DEFAULT_SESSION_TIMEOUT_MS;
  private boolean secureCookie;
  private int maxFailures = DEFAULT_MAX_FAILURES;
  private long failureWindowSeconds = DEFAULT_FAILURE_WINDOW_SECONDS;
  private int passwordIterations = Passwords.DEFAULT_ITERATIONS;

  public static AuthOptions fromConfig(JsonObject config) {
    AuthOptions options = new AuthOptions();
    Object key = config.getValue("auth.tokenKey");
    options.setTokenKey(key == null || key.toString().isBlank() ? null : key.toString());
    options.setTokenTtlSeconds(ConfigValues.longValue(config, "auth.tokenTtl", DEFAULT_TOKEN_TTL_SECONDS));
    options.setSessionTimeoutMs(ConfigValues.longValue(config, "auth.sessionTimeout", DEFAULT_SESSION_TIMEOUT_MS));
    options.setSecureCookie(ConfigValues.boolValue(config.getValue("auth.secureCookie")));
    options.setMaxFailures((int) ConfigValues.longValue(config, "auth.maxFailures", DEFAULT_MAX_FAILURES));
    options.setFailureWindowSeconds(ConfigValues.longValue(config, "auth.failureWindow", DEFAULT_FAILURE_WINDOW_SECONDS));
    options.setPasswordIterations((int) ConfigValues.longValue(config, "auth.passwordIterations", Passwords.DEFAULT_ITERATIONS));
    return options;
  }

  public String getTokenKey() { return tokenKey; }

  /**
   * The secret that signs bearer tokens (HMAC-SHA256), at least 32 characters; every web node of a
   * cluster needs the same one. Without it a random key is made at start: tokens then die with the node.
   */
  public AuthOptions setTokenKey(String tokenKey) {
    if (tokenKey != null && tokenKey.length() < 32) {
      throw new IllegalArgumentException("auth.tokenKey must have at least 32 characters");
    }
    this.tokenKey = tokenKey;
    return this;
  }

  public long getTokenTtlSeconds() { return tokenTtlSeconds; }

  /** How long a bearer token is valid; default one hour. */
  public AuthOptions setTokenTtlSeconds(long seconds) {
    if (seconds <= 0) throw new IllegalArgumentException("auth.tokenTtl must be positive");
    this.tokenTtlSeconds = seconds;
    return this;
  }

  public long getSessionTimeoutMs() { return sessionTimeoutMs; }

  /** A session unused this long is forgotten; default 30 minutes. */
  public AuthOptions setSessionTimeoutMs(long ms) {
    if (ms <= 0) throw new IllegalArgumentException("auth.sessionTimeout must be positive");
    this.sessionTimeoutMs = ms;
    return this;
  }

  public boolean isSecureCookie() { return secureCookie; }

  /** The session cookie's {@code Secure} flag: on behind TLS (it always is when the server itself has TLS). */
  public AuthOptions setSecureCookie(boolean secureCookie) {
    this.secureCookie = secureCookie;
    return this;
  }

  public int getMaxFailures() { return maxFailures; }

  /** Failed sign-ins for one username within the window before it is refused with 429; default 5. */
  public AuthOptions setMaxFailures(int maxFailures) {
    if (maxFailures < 1) throw new IllegalArgumentException("auth.maxFailures must be at least 1");
    this.maxFailures = maxFailures;
    return this;
  }

  public long getFailureWindowSeconds() { return failureWindowSeconds; }

  /** The window of {@link #setMaxFailures}; default 5 minutes. */
  public AuthOptions setFailureWindowSeconds(long seconds) {
    if (seconds <= 0) throw new IllegalArgumentException("auth.failureWindow must be positive");
    this.failureWindowSeconds = seconds;
    return this;
  }

  public int getPasswordIterations() { return passwordIterations; }

  /** PBKDF2 iterations of new password hashes; default 210,000. */
  public AuthOptions setPasswordIterations(int iterations) {
    this.passwordIterations = iterations;
    return this;
  }
}
