package dev.verve.ops;

import dev.verve.config.ConfigKeys;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/** Health and metrics' part of the settings ({@code ops.*} in {@link ConfigKeys}): who may read them. */
public class OpsOptions {

  private String role = ConfigKeys.OPS_ROLE.defaultValue();
  private boolean loopbackOpen = ConfigKeys.OPS_LOOPBACK_OPEN.defaultValue();
  private boolean publicHealth;

  /** Reads the {@code ops.*} keys of a merged config (flat, dotted keys). */
  public static OpsOptions fromConfig(JsonObject config) {
    return new OpsOptions()
      .setRole(ConfigKeys.OPS_ROLE.get(config))
      .setLoopbackOpen(ConfigKeys.OPS_LOOPBACK_OPEN.get(config))
      .setPublicHealth(ConfigKeys.OPS_PUBLIC_HEALTH.get(config));
  }

  public String getRole() { return role; }

  /**
   * {@code ops.role}: the role a signed-in caller needs for {@code /health/*} and {@code /metrics} when the
   * request is not from loopback; default {@code ops}.
   */
  public OpsOptions setRole(String role) {
    String r = Objects.requireNonNull(role, "ops.role").trim();
    if (r.isEmpty()) throw new IllegalArgumentException("ops.role must not be empty");
    this.role = r;
    return this;
  }

  public boolean isLoopbackOpen() { return loopbackOpen; }

  /**
   * {@code ops.loopbackOpen}: whether a request from a loopback address that came through no proxy (no
   * {@code Forwarded} or {@code X-Forwarded-For} header) reads {@code /health/*} and {@code /metrics}
   * without the role; default {@code true}.
   */
  public OpsOptions setLoopbackOpen(boolean loopbackOpen) {
    this.loopbackOpen = loopbackOpen;
    return this;
  }

  public boolean isPublicHealth() { return publicHealth; }

  /** {@code ops.publicHealth}: {@code /health/*} open to anyone (probes of a load balancer); default {@code false}. */
  public OpsOptions setPublicHealth(boolean publicHealth) {
    this.publicHealth = publicHealth;
    return this;
  }
}
