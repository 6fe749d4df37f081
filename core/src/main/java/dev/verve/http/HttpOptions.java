package dev.verve.http;

import dev.verve.config.ConfigKeys;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Objects;

/**
 * The HTTP server's part of the settings ({@code http.*} in {@link ConfigKeys}): where it listens, and the
 * limits a hostile client meets.
 */
public class HttpOptions {

  private String host = ConfigKeys.HTTP_HOST.defaultValue();
  private int port = (int) (long) ConfigKeys.HTTP_PORT.defaultValue();
  private boolean compression;
  private List<String> allowedHosts = List.of();
  private long idleTimeoutMs = ConfigKeys.HTTP_IDLE_TIMEOUT.defaultValue();
  private long headerTimeoutMs = ConfigKeys.HTTP_HEADER_TIMEOUT.defaultValue();
  private long bodyTimeoutMs = ConfigKeys.HTTP_BODY_TIMEOUT.defaultValue();
  private int maxHeaderSize = (int) (long) ConfigKeys.HTTP_MAX_HEADER_SIZE.defaultValue();
  private int maxRequestLineLength = (int) (long) ConfigKeys.HTTP_MAX_REQUEST_LINE_LENGTH.defaultValue();
  private int maxWebSocketFrameSize = (int) (long) ConfigKeys.HTTP_MAX_WEBSOCKET_FRAME_SIZE.defaultValue();
  private int maxWebSocketMessageSize = (int) (long) ConfigKeys.HTTP_MAX_WEBSOCKET_MESSAGE_SIZE.defaultValue();
  private boolean h2c;
  private String contentSecurityPolicy = BrowserHeaders.DEFAULT_POLICY;
  private String referrerPolicy = ConfigKeys.HTTP_REFERRER_POLICY.defaultValue();
  private List<String> trustedProxies = List.of();

  /** Reads the {@code http.*} keys of a merged config (flat, dotted keys). */
  public static HttpOptions fromConfig(JsonObject config) {
    return new HttpOptions()
      .setHost(ConfigKeys.HTTP_HOST.get(config))
      .setPort(ConfigKeys.HTTP_PORT.getInt(config))
      .setCompression(ConfigKeys.HTTP_COMPRESSION.get(config))
      .setAllowedHosts(ConfigKeys.HTTP_ALLOWED_HOSTS.get(config))
      .setIdleTimeoutMs(ConfigKeys.HTTP_IDLE_TIMEOUT.get(config))
      .setHeaderTimeoutMs(ConfigKeys.HTTP_HEADER_TIMEOUT.get(config))
      .setBodyTimeoutMs(ConfigKeys.HTTP_BODY_TIMEOUT.get(config))
      .setMaxHeaderSize(ConfigKeys.HTTP_MAX_HEADER_SIZE.getInt(config))
      .setMaxRequestLineLength(ConfigKeys.HTTP_MAX_REQUEST_LINE_LENGTH.getInt(config))
      .setMaxWebSocketFrameSize(ConfigKeys.HTTP_MAX_WEBSOCKET_FRAME_SIZE.getInt(config))
      .setMaxWebSocketMessageSize(ConfigKeys.HTTP_MAX_WEBSOCKET_MESSAGE_SIZE.getInt(config))
      .setH2c(ConfigKeys.HTTP_H2C.get(config))
      .setContentSecurityPolicy(ConfigKeys.HTTP_CONTENT_SECURITY_POLICY.get(config) == null ? BrowserHeaders.DEFAULT_POLICY
        : ConfigKeys.HTTP_CONTENT_SECURITY_POLICY.get(config))
      .setReferrerPolicy(ConfigKeys.HTTP_REFERRER_POLICY.get(config))
      .setTrustedProxies(ConfigKeys.HTTP_TRUSTED_PROXIES.get(config));
  }

  public String getHost() { return host; }

  public HttpOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "http.host");
    return this;
  }

  public int getPort() { return port; }

  public HttpOptions setPort(int port) {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("http.port must be 0..65535, got " + port);
    this.port = port;
    return this;
  }

  public boolean isCompression() { return compression; }

  /**
   * {@code http.compression}: gzip responses for clients that accept it. Off by default: it costs every
   * request, and the runtime and function modules are served pre-compressed anyway.
   */
  public HttpOptions setCompression(boolean compression) {
    this.compression = compression;
    return this;
  }

  public List<String> getAllowedHosts() { return allowedHosts; }

  /**
   * {@code http.allowedHosts}: the names a request's {@code Host} may carry (any port); any other gets 421,
   * so that a page whose name was rebound to this server's address cannot call it. Empty (the default):
   * {@code http.host} and the loopback names. {@code *} allows any name (behind a proxy that checks it).
   */
  public HttpOptions setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = List.copyOf(allowedHosts);
    return this;
  }

  public long getIdleTimeoutMs() { return idleTimeoutMs; }

  /** {@code http.idleTimeout}: ms a connection may send and receive nothing before it is closed; default 60 s. */
  public HttpOptions setIdleTimeoutMs(long idleTimeoutMs) {
    this.idleTimeoutMs = positive("http.idleTimeout", idleTimeoutMs);
    return this;
  }

  public long getHeaderTimeoutMs() { return headerTimeoutMs; }

  /**
   * {@code http.headerTimeout}: ms a connection has to deliver a request's headers, from its opening (and,
   * kept alive, between one response and the next request); a client still sending them is closed.
   * Default 20 s.
   */
  public HttpOptions setHeaderTimeoutMs(long headerTimeoutMs) {
    this.headerTimeoutMs = positive("http.headerTimeout", headerTimeoutMs);
    return this;
  }

  public long getBodyTimeoutMs() { return bodyTimeoutMs; }

  /** {@code http.bodyTimeout}: ms a client has to send a request's body once its headers arrived; default 30 s. */
  public HttpOptions setBodyTimeoutMs(long bodyTimeoutMs) {
    this.bodyTimeoutMs = positive("http.bodyTimeout", bodyTimeoutMs);
    return this;
  }

  public int getMaxHeaderSize() { return maxHeaderSize; }

  /** {@code http.maxHeaderSize}: bytes of a request's headers, all together; 431 above it. Default 8 KiB. */
  public HttpOptions setMaxHeaderSize(int maxHeaderSize) {
    this.maxHeaderSize = (int) positive("http.maxHeaderSize", maxHeaderSize);
    return this;
  }

  public int getMaxRequestLineLength() { return maxRequestLineLength; }

  /** {@code http.maxRequestLineLength}: bytes of the request line (method, URL, version); 414 above it. Default 4 KiB. */
  public HttpOptions setMaxRequestLineLength(int maxRequestLineLength) {
    this.maxRequestLineLength = (int) positive("http.maxRequestLineLength", maxRequestLineLength);
    return this;
  }

  public int getMaxWebSocketFrameSize() { return maxWebSocketFrameSize; }

  /** {@code http.maxWebSocketFrameSize}: bytes of one WebSocket frame; a larger one closes the socket. Default 64 KiB. */
  public HttpOptions setMaxWebSocketFrameSize(int maxWebSocketFrameSize) {
    this.maxWebSocketFrameSize = (int) positive("http.maxWebSocketFrameSize", maxWebSocketFrameSize);
    return this;
  }

  public int getMaxWebSocketMessageSize() { return maxWebSocketMessageSize; }

  /** {@code http.maxWebSocketMessageSize}: bytes of one WebSocket message (its frames together). Default 256 KiB. */
  public HttpOptions setMaxWebSocketMessageSize(int maxWebSocketMessageSize) {
    this.maxWebSocketMessageSize = (int) positive("http.maxWebSocketMessageSize", maxWebSocketMessageSize);
    return this;
  }

  public boolean isH2c() { return h2c; }

  /** {@code http.h2c}: accept cleartext HTTP/2 (prior knowledge or {@code Upgrade: h2c}); off by default. */
  public HttpOptions setH2c(boolean h2c) {
    this.h2c = h2c;
    return this;
  }

  public String getContentSecurityPolicy() { return contentSecurityPolicy; }

  /**
   * {@code http.contentSecurityPolicy}: the {@code Content-Security-Policy} of every answer but function
   * calls; {@code ""} sends none. Default {@link BrowserHeaders#DEFAULT_POLICY}.
   */
  public HttpOptions setContentSecurityPolicy(String contentSecurityPolicy) {
    this.contentSecurityPolicy = Objects.requireNonNull(contentSecurityPolicy, "http.contentSecurityPolicy").trim();
    return this;
  }

  public String getReferrerPolicy() { return referrerPolicy; }

  /** {@code http.referrerPolicy}: the {@code Referrer-Policy}; {@code ""} sends none. Default {@code strict-origin-when-cross-origin}. */
  public HttpOptions setReferrerPolicy(String referrerPolicy) {
    this.referrerPolicy = Objects.requireNonNull(referrerPolicy, "http.referrerPolicy").trim();
    return this;
  }

  public List<String> getTrustedProxies() { return trustedProxies; }

  /**
   * {@code http.trustedProxies}: the addresses of the proxies in front of this server; only from them is the
   * client's address taken from {@code X-Forwarded-For} ({@link ClientAddress}). Empty by default: the socket's.
   */
  public HttpOptions setTrustedProxies(List<String> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
    return this;
  }

  /** A limit that must be above zero, or the key named in the failure. */
  public static long positive(String key, long value) {
    if (value <= 0) throw new IllegalArgumentException(key + " must be positive, got " + value);
    return value;
  }
}
