package dev.verve.auth;

import dev.verve.config.ConfigKeys;
import io.vertx.core.json.JsonObject;

/**
 * Sign-in, sessions and tokens: the {@code auth.*} keys of {@link ConfigKeys}.
 */
public class AuthOptions {

  public static final long DEFAULT_TOKEN_TTL_SECONDS = ConfigKeys.AUTH_TOKEN_TTL.defaultValue();
  public static final long DEFAULT_SESSION_TIMEOUT_MS = ConfigKeys.AUTH_SESSION_TIMEOUT.defaultValue();
  public static final int DEFAULT_MAX_FAILURES = (int) (long) ConfigKeys.AUTH_MAX_FAILURES.defaultValue();
  public static final long DEFAULT_FAILURE_WINDOW_SECONDS = ConfigKeys.AUTH_FAILURE_WINDOW.defaultValue();

  private String tokenKey;
  private long tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS;
  private long sessionTimeoutMs = DEFAULT_SESSION_TIMEOUT_MS;
  private boolean secureCookie;
  private int maxFailures = DEFAULT_MAX_FAILURES;
  private long failureWindowSeconds = DEFAULT_FAILURE_WINDOW_SECONDS;
  private int passwordIterations = Passwords.DEFAULT_ITERATIONS;
  private int maxFailuresPerAddress = (int) (long) ConfigKeys.AUTH_MAX_FAILURES_PER_ADDRESS.defaultValue();
  private int passwordChecks = (int) (long) ConfigKeys.AUTH_PASSWORD_CHECKS.defaultValue();
  private int passwordCheckQueue = (int) (long) ConfigKeys.AUTH_PASSWORD_CHECK_QUEUE.defaultValue();
  private int passwordMinLength = (int) (long) ConfigKeys.AUTH_PASSWORD_MIN_LENGTH.defaultValue();
  private int passwordMaxLength = (int) (long) ConfigKeys.AUTH_PASSWORD_MAX_LENGTH.defaultValue();
  private String adminPassword;

  /** Reads the {@code auth.*} keys of a merged config (flat, dotted keys). */
  public static AuthOptions fromConfig(JsonObject config) {
    String key = ConfigKeys.AUTH_TOKEN_KEY.get(config);
    return new AuthOptions()
      .setTokenKey(key == null || key.isBlank() ? null : key)
      .setTokenTtlSeconds(ConfigKeys.AUTH_TOKEN_TTL.get(config))
      .setSessionTimeoutMs(ConfigKeys.AUTH_SESSION_TIMEOUT.get(config))
      .setSecureCookie(ConfigKeys.AUTH_SECURE_COOKIE.get(config))
      .setMaxFailures(ConfigKeys.AUTH_MAX_FAILURES.getInt(config))
      .setFailureWindowSeconds(ConfigKeys.AUTH_FAILURE_WINDOW.get(config))
      .setPasswordIterations(ConfigKeys.AUTH_PASSWORD_ITERATIONS.getInt(config))
      .setMaxFailuresPerAddress(ConfigKeys.AUTH_MAX_FAILURES_PER_ADDRESS.getInt(config))
      .setPasswordChecks(ConfigKeys.AUTH_PASSWORD_CHECKS.getInt(config))
      .setPasswordCheckQueue(ConfigKeys.AUTH_PASSWORD_CHECK_QUEUE.getInt(config))
      .setPasswordLengths(ConfigKeys.AUTH_PASSWORD_MIN_LENGTH.getInt(config), ConfigKeys.AUTH_PASSWORD_MAX_LENGTH.getInt(config))
      .setAdminPassword(ConfigKeys.AUTH_ADMIN_PASSWORD.get(config));
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

  /** Failed sign-ins for one username from one client address within the window before 429; default 5. */
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

  public int getMaxFailuresPerAddress() { return maxFailuresPerAddress; }

  /** Failed sign-ins from one client address, whatever the names, within the window before 429; default 50. */
  public AuthOptions setMaxFailuresPerAddress(int max) {
    if (max < 1) throw new IllegalArgumentException("auth.maxFailuresPerAddress must be at least 1");
    this.maxFailuresPerAddress = max;
    return this;
  }

  public int getPasswordChecks() { return passwordChecks; }

  /** Password checks (sign-in, sign-up) a node runs at once; default 4. */
  public AuthOptions setPasswordChecks(int checks) {
    if (checks < 1) throw new IllegalArgumentException("auth.passwordChecks must be at least 1");
    this.passwordChecks = checks;
    return this;
  }

  public int getPasswordCheckQueue() { return passwordCheckQueue; }

  /** Password checks waiting their turn; one more is a 503 with Retry-After. Default 8. */
  public AuthOptions setPasswordCheckQueue(int queue) {
    if (queue < 0) throw new IllegalArgumentException("auth.passwordCheckQueue must not be negative");
    this.passwordCheckQueue = queue;
    return this;
  }

  public int getPasswordMinLength() { return passwordMinLength; }

  public int getPasswordMaxLength() { return passwordMaxLength; }

  /** A new password's fewest and most characters; default 8 to 128, no composition rules (NIST SP 800-63B). */
  public AuthOptions setPasswordLengths(int min, int max) {
    if (min < 1 || max < min || max > 4096) {
      throw new IllegalArgumentException("auth.passwordMinLength and auth.passwordMaxLength must be 1 <= min <= max <= 4096;"
        + " got " + min + " and " + max);
    }
    this.passwordMinLength = min;
    this.passwordMaxLength = max;
    return this;
  }

  public String getAdminPassword() { return adminPassword; }

  /**
   * With the built-in accounts ({@link Users}): the user {@code admin}, role {@code admin}, is created with
   * this password at start when there is none; an existing one is left as it is. None by default.
   */
  public AuthOptions setAdminPassword(String adminPassword) {
    this.adminPassword = adminPassword == null || adminPassword.isEmpty() ? null : adminPassword;
    return this;
  }
}
