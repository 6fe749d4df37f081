package dev.verve.fn;

import dev.verve.config.ConfigKeys;
import dev.verve.http.HttpOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Objects;

/** The functions' part of the settings ({@code api.*} in {@link ConfigKeys}): where, how big, how long, how many. */
public class ApiOptions {

  private String prefix = ConfigKeys.API_PREFIX.defaultValue();
  private long bodyLimit = ConfigKeys.API_BODY_LIMIT.defaultValue();
  private long timeoutMs = ConfigKeys.API_TIMEOUT.defaultValue();
  private List<String> allowedOrigins = List.of();
  private int maxInFlight = (int) (long) ConfigKeys.API_MAX_IN_FLIGHT.defaultValue();
  private int maxBodiesInFlight = (int) (long) ConfigKeys.API_MAX_BODIES_IN_FLIGHT.defaultValue();
  private int maxStreams = (int) (long) ConfigKeys.API_MAX_STREAMS.defaultValue();
  private long streamIdleTimeoutMs = ConfigKeys.API_STREAM_IDLE_TIMEOUT.defaultValue();
  private long streamKeepAliveMs = ConfigKeys.API_STREAM_KEEP_ALIVE.defaultValue();

  /** Reads the {@code api.*} keys of a merged config (flat, dotted keys). */
  public static ApiOptions fromConfig(JsonObject config) {
    return new ApiOptions()
      .setPrefix(ConfigKeys.API_PREFIX.get(config))
      .setBodyLimit(ConfigKeys.API_BODY_LIMIT.get(config))
      .setTimeoutMs(ConfigKeys.API_TIMEOUT.get(config))
      .setAllowedOrigins(ConfigKeys.API_ALLOWED_ORIGINS.get(config))
      .setMaxInFlight(ConfigKeys.API_MAX_IN_FLIGHT.getInt(config))
      .setMaxBodiesInFlight(ConfigKeys.API_MAX_BODIES_IN_FLIGHT.getInt(config))
      .setMaxStreams(ConfigKeys.API_MAX_STREAMS.getInt(config))
      .setStreamIdleTimeoutMs(ConfigKeys.API_STREAM_IDLE_TIMEOUT.get(config))
      .setStreamKeepAliveMs(ConfigKeys.API_STREAM_KEEP_ALIVE.get(config));
  }

  public String getPrefix() { return prefix; }

  /** {@code api.prefix}: functions are served at {@code POST <prefix>/<Interface>/<method>}; default {@code /api}. */
  public ApiOptions setPrefix(String prefix) {
    String p = Objects.requireNonNull(prefix, "api.prefix").trim();
    if (!p.startsWith("/")) p = "/" + p;
    while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
    if (p.equals("/")) throw new IllegalArgumentException("api.prefix must not be the root path");
    this.prefix = p;
    return this;
  }

  public long getBodyLimit() { return bodyLimit; }

  /** {@code api.bodyLimit}: largest accepted request body in bytes (413 above it); default 1 MiB. */
  public ApiOptions setBodyLimit(long bodyLimit) {
    this.bodyLimit = HttpOptions.positive("api.bodyLimit", bodyLimit);
    return this;
  }

  public long getTimeoutMs() { return timeoutMs; }

  /** {@code api.timeout}: how long a call waits for the function's reply before answering 504; default 30 s. */
  public ApiOptions setTimeoutMs(long timeoutMs) {
    this.timeoutMs = HttpOptions.positive("api.timeout", timeoutMs);
    return this;
  }

  public List<String> getAllowedOrigins() { return allowedOrigins; }

  /**
   * {@code api.allowedOrigins}: origins (e.g. {@code https://app.example.com}) allowed to call functions
   * cross-site; requests from any other foreign origin get 403. Same-origin calls are always allowed.
   */
  public ApiOptions setAllowedOrigins(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
    return this;
  }

  public int getMaxInFlight() { return maxInFlight; }

  /**
   * {@code api.maxInFlight}: function calls (from their body's last byte on) and pages this node serves at
   * once (all its Verve instances together); one more gets {@code 503} with {@code Retry-After} at once. A trivial call costs a 2-core node
   * ~60 us of CPU, so 1000 waiting (the default) is well under a second of work.
   */
  public ApiOptions setMaxInFlight(int maxInFlight) {
    this.maxInFlight = (int) HttpOptions.positive("api.maxInFlight", maxInFlight);
    return this;
  }

  public int getMaxBodiesInFlight() { return maxBodiesInFlight; }

  /**
   * {@code api.maxBodiesInFlight}: calls whose body is still arriving, at once, on this node. They are bounded
   * apart from {@code api.maxInFlight}, which a call enters with its body's last byte: clients that send
   * headers and then nothing cannot take the places of complete calls. Default 1000.
   */
  public ApiOptions setMaxBodiesInFlight(int maxBodiesInFlight) {
    this.maxBodiesInFlight = (int) HttpOptions.positive("api.maxBodiesInFlight", maxBodiesInFlight);
    return this;
  }

  public int getMaxStreams() { return maxStreams; }

  /** {@code api.maxStreams}: stream answers this web node serves at once; one more gets 503. */
  public ApiOptions setMaxStreams(int maxStreams) {
    this.maxStreams = (int) HttpOptions.positive("api.maxStreams", maxStreams);
    return this;
  }

  public long getStreamIdleTimeoutMs() { return streamIdleTimeoutMs; }

  /**
   * {@code api.streamIdleTimeout}: a stream crossing the event bus whose other side says nothing (no item,
   * no heartbeat) for this long is failed at its reader and stopped at its source: a dead node never hangs it.
   */
  public ApiOptions setStreamIdleTimeoutMs(long streamIdleTimeoutMs) {
    this.streamIdleTimeoutMs = HttpOptions.positive("api.streamIdleTimeout", streamIdleTimeoutMs);
    return this;
  }

  public long getStreamKeepAliveMs() { return streamKeepAliveMs; }

  /** {@code api.streamKeepAlive}: ms between the comment lines of an idle {@code text/event-stream} answer. */
  public ApiOptions setStreamKeepAliveMs(long streamKeepAliveMs) {
    this.streamKeepAliveMs = HttpOptions.positive("api.streamKeepAlive", streamKeepAliveMs);
    return this;
  }
}
