package dev.verve;

import dev.verve.impl.ConfigValues;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link Verve} instance. {@link #fromConfig(JsonObject)} reads the dotted config keys
 * documented in the README ({@code http.host}, {@code api.prefix}, ...).
 */
public class VerveOptions {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_API_PREFIX = "/api";
  public static final long DEFAULT_BODY_LIMIT = 1024 * 1024;
  public static final long DEFAULT_TIMEOUT_MS = 30_000;
  public static final long DEFAULT_IDLE_TIMEOUT_MS = 60_000;
  public static final long DEFAULT_HEADER_TIMEOUT_MS = 20_000;
  public static final long DEFAULT_BODY_TIMEOUT_MS = 30_000;
  public static final int DEFAULT_MAX_HEADER_SIZE = 8192;
  public static final int DEFAULT_MAX_REQUEST_LINE_LENGTH = 4096;
  public static final int DEFAULT_MAX_WEBSOCKET_FRAME_SIZE = 65_536;
  public static final int DEFAULT_MAX_WEBSOCKET_MESSAGE_SIZE = 262_144;
  public static final int DEFAULT_MAX_ADDRESS_LENGTH = 128;
  public static final int DEFAULT_MAX_HANDLERS_PER_SOCKET = 100;
  /**
   * Calls and pages one web node serves at once. A trivial call costs a 2-core node ~60 us of CPU, so 1000
   * waiting is well under a second of work, and each costs a few KB; past that, clients are told to come
   * back rather than queued.
   */
  public static final int DEFAULT_MAX_IN_FLIGHT = 1000;
  public static final String DEFAULT_OPS_ROLE = "ops";

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private String apiPrefix = DEFAULT_API_PREFIX;
  private long bodyLimit = DEFAULT_BODY_LIMIT;
  private long timeoutMs = DEFAULT_TIMEOUT_MS;
  private List<String> allowedOrigins = new ArrayList<>();
  private boolean dev;
  private String templateRoot = "templates";
  private boolean compression;
  private List<String> outbound = new ArrayList<>();
  private List<String> inbound = new ArrayList<>();
  private NodeRole role = NodeRole.BOTH;
  private List<String> allowedHosts = new ArrayList<>();
  private long idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
  private long headerTimeoutMs = DEFAULT_HEADER_TIMEOUT_MS;
  private long bodyTimeoutMs = DEFAULT_BODY_TIMEOUT_MS;
  private int maxHeaderSize = DEFAULT_MAX_HEADER_SIZE;
  private int maxRequestLineLength = DEFAULT_MAX_REQUEST_LINE_LENGTH;
  private int maxWebSocketFrameSize = DEFAULT_MAX_WEBSOCKET_FRAME_SIZE;
  private int maxWebSocketMessageSize = DEFAULT_MAX_WEBSOCKET_MESSAGE_SIZE;
  private int maxAddressLength = DEFAULT_MAX_ADDRESS_LENGTH;
  private int maxHandlersPerSocket = DEFAULT_MAX_HANDLERS_PER_SOCKET;
  private boolean h2c;
  private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
  private String opsRole = DEFAULT_OPS_ROLE;
  private boolean opsLoopbackOpen = true;
  private boolean opsPublicHealth;

  /** What a node of a (clustered) deployment does; the same jar takes any role. */
  public enum NodeRole {
    /** HTTP: functions exposed over HTTP, pages, the event-bus bridge; functions run elsewhere. */
    WEB,
    /** Serves its functions on the event bus only; no HTTP server. */
    FUNCTIONS,
    /** Both (the default, and the single-node case). */
    BOTH;

    public boolean servesHttp() { return this != FUNCTIONS; }

    public boolean runsFunctions() { return this != WEB; }
  }

  public VerveOptions() {
  }

  /** Reads the flat, dotted keys of a merged config ({@code {"http.port": 8080, ...}}). */
  public static VerveOptions fromConfig(JsonObject config) {
    VerveOptions options = new VerveOptions();
    options.setHost(config.getString("http.host", DEFAULT_HOST));
    options.setPort(intValue(config, "http.port", DEFAULT_PORT));
    options.setApiPrefix(config.getString("api.prefix", DEFAULT_API_PREFIX));
    options.setBodyLimit(ConfigValues.longValue(config, "api.bodyLimit", DEFAULT_BODY_LIMIT));
    options.setTimeoutMs(ConfigValues.longValue(config, "api.timeout", DEFAULT_TIMEOUT_MS));
    options.setAllowedOrigins(stringList(config.getValue("api.allowedOrigins")));
    options.setDev(ConfigValues.boolValue(config.getValue("dev")));
    options.setTemplateRoot(config.getString("templates.root", "templates"));
    options.setCompression(ConfigValues.boolValue(config.getValue("http.compression")));
    options.setOutbound(stringList(config.getValue("eventbus.outbound")));
    options.setInbound(stringList(config.getValue("eventbus.inbound")));
    options.setAllowedHosts(stringList(config.getValue("http.allowedHosts")));
    options.setIdleTimeoutMs(ConfigValues.longValue(config, "http.idleTimeout", DEFAULT_IDLE_TIMEOUT_MS));
    options.setHeaderTimeoutMs(ConfigValues.longValue(config, "http.headerTimeout", DEFAULT_HEADER_TIMEOUT_MS));
    options.setBodyTimeoutMs(ConfigValues.longValue(config, "http.bodyTimeout", DEFAULT_BODY_TIMEOUT_MS));
    options.setMaxHeaderSize(intValue(config, "http.maxHeaderSize", DEFAULT_MAX_HEADER_SIZE));
    options.setMaxRequestLineLength(intValue(config, "http.maxRequestLineLength", DEFAULT_MAX_REQUEST_LINE_LENGTH));
    options.setMaxWebSocketFrameSize(intValue(config, "http.maxWebSocketFrameSize", DEFAULT_MAX_WEBSOCKET_FRAME_SIZE));
    options.setMaxWebSocketMessageSize(intValue(config, "http.maxWebSocketMessageSize", DEFAULT_MAX_WEBSOCKET_MESSAGE_SIZE));
    options.setMaxAddressLength(intValue(config, "eventbus.maxAddressLength", DEFAULT_MAX_ADDRESS_LENGTH));
    options.setMaxHandlersPerSocket(intValue(config, "eventbus.maxHandlersPerSocket", DEFAULT_MAX_HANDLERS_PER_SOCKET));
    options.setH2c(ConfigValues.boolValue(config.getValue("http.h2c")));
    String role = config.getString("node.role", "both").trim().toUpperCase(java.util.Locale.ROOT);
    try {
      options.setRole(NodeRole.valueOf(role));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("node.role must be web, functions or both; got '" + config.getValue("node.role") + "'");
    }
    options.setMaxInFlight(intValue(config, "api.maxInFlight", DEFAULT_MAX_IN_FLIGHT));
    options.setOpsRole(config.getString("ops.role", DEFAULT_OPS_ROLE));
    Object loopback = config.getValue("ops.loopbackOpen");
    options.setOpsLoopbackOpen(loopback == null || ConfigValues.boolValue(loopback));
    options.setOpsPublicHealth(ConfigValues.boolValue(config.getValue("ops.publicHealth")));
    return options;
  }

  public String getHost() { return host; }

  public VerveOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "http.host");
    return this;
  }

  public int getPort() { return port; }

  public VerveOptions setPort(int port) {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("http.port must be 0..65535, got " + port);
    this.port = port;
    return this;
  }

  public String getApiPrefix() { return apiPrefix; }

  /** Where functions are served: {@code POST <prefix>/<Interface>/<method>}; default {@code /api}. */
  public VerveOptions setApiPrefix(String apiPrefix) {
    String p = Objects.requireNonNull(apiPrefix, "api.prefix").trim();
    if (!p.startsWith("/")) p = "/" + p;
    while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
    if (p.equals("/")) throw new IllegalArgumentException("api.prefix must not be the root path");
    this.apiPrefix = p;
    return this;
  }

  public long getBodyLimit() { return bodyLimit; }

  /** Largest accepted request body in bytes (413 above it); default 1 MiB. */
  public VerveOptions setBodyLimit(long bodyLimit) {
    if (bodyLimit <= 0) throw new IllegalArgumentException("api.bodyLimit must be positive, got " + bodyLimit);
    this.bodyLimit = bodyLimit;
    return this;
  }

  public long getTimeoutMs() { return timeoutMs; }

  /** How long a call waits for the function's reply before answering 504; default 30 s. */
  public VerveOptions setTimeoutMs(long timeoutMs) {
    if (timeoutMs <= 0) throw new IllegalArgumentException("api.timeout must be positive, got " + timeoutMs);
    this.timeoutMs = timeoutMs;
    return this;
  }

  public List<String> getAllowedOrigins() { return allowedOrigins; }

  /**
   * Origins (e.g. {@code https://app.example.com}) allowed to call functions cross-site; requests from
   * any other foreign origin get 403. Same-origin calls are always allowed.
   */
  public VerveOptions setAllowedOrigins(List<String> allowedOrigins) {
    this.allowedOrigins = new ArrayList<>(Objects.requireNonNull(allowedOrigins));
    return this;
  }

  public boolean isDev() { return dev; }

  /** Development mode: more logging, templates reloaded. */
  public VerveOptions setDev(boolean dev) {
    this.dev = dev;
    return this;
  }

  public String getTemplateRoot() { return templateRoot; }

  /** {@code templates.root}: where page templates live on the class path; default {@code templates}. */
  public VerveOptions setTemplateRoot(String templateRoot) {
    this.templateRoot = Objects.requireNonNull(templateRoot);
    return this;
  }

  public boolean isCompression() { return compression; }

  /**
   * {@code http.compression}: gzip responses for clients that accept it. Off by default: it costs every
   * request, and the runtime and function modules are served pre-compressed anyway.
   */
  public VerveOptions setCompression(boolean compression) {
    this.compression = compression;
    return this;
  }

  public List<String> getOutbound() { return outbound; }

  /**
   * Addresses the browser may receive from through the bridge ({@code eventbus.outbound}): exact names,
   * or regular expressions written {@code regex:counter\\..*}. Empty by default: nothing passes.
   */
  public VerveOptions setOutbound(List<String> outbound) {
    this.outbound = new ArrayList<>(Objects.requireNonNull(outbound));
    return this;
  }

  public List<String> getInbound() { return inbound; }

  /** Addresses the browser may send or publish to ({@code eventbus.inbound}); same forms; empty by default. */
  public VerveOptions setInbound(List<String> inbound) {
    this.inbound = new ArrayList<>(Objects.requireNonNull(inbound));
    return this;
  }

  public NodeRole getRole() { return role; }

  /** {@code node.role}: {@code web}, {@code functions} or {@code both} (default). */
  public VerveOptions setRole(NodeRole role) {
    this.role = Objects.requireNonNull(role);
    return this;
  }

  public List<String> getAllowedHosts() { return allowedHosts; }

  /**
   * {@code http.allowedHosts}: the names a request's {@code Host} may carry (any port); any other gets 421,
   * so that a page whose name was rebound to this server's address cannot call it. Empty (the default):
   * {@code http.host} and the loopback names. {@code *} allows any name (behind a proxy that checks it).
   */
  public VerveOptions setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = new ArrayList<>(Objects.requireNonNull(allowedHosts));
    return this;
  }

  public long getIdleTimeoutMs() { return idleTimeoutMs; }

  /** {@code http.idleTimeout}: ms a connection may send and receive nothing before it is closed; default 60 s. */
  public VerveOptions setIdleTimeoutMs(long idleTimeoutMs) {
    this.idleTimeoutMs = positive("http.idleTimeout", idleTimeoutMs);
    return this;
  }

  public long getHeaderTimeoutMs() { return headerTimeoutMs; }

  /**
   * {@code http.headerTimeout}: ms a connection has to deliver a request's headers, from its opening (and,
   * kept alive, between one response and the next request); a client still sending them is closed.
   * Default 20 s.
   */
  public VerveOptions setHeaderTimeoutMs(long headerTimeoutMs) {
    this.headerTimeoutMs = positive("http.headerTimeout", headerTimeoutMs);
    return this;
  }

  public long getBodyTimeoutMs() { return bodyTimeoutMs; }

  /** {@code http.bodyTimeout}: ms a client has to send a request's body once its headers arrived; default 30 s. */
  public VerveOptions setBodyTimeoutMs(long bodyTimeoutMs) {
    this.bodyTimeoutMs = positive("http.bodyTimeout", bodyTimeoutMs);
    return this;
  }

  public int getMaxHeaderSize() { return maxHeaderSize; }

  /** {@code http.maxHeaderSize}: bytes of a request's headers, all together; 431 above it. Default 8 KiB. */
  public VerveOptions setMaxHeaderSize(int maxHeaderSize) {
    this.maxHeaderSize = (int) positive("http.maxHeaderSize", maxHeaderSize);
    return this;
  }

  public int getMaxRequestLineLength() { return maxRequestLineLength; }

  /** {@code http.maxRequestLineLength}: bytes of the request line (method, URL, version); 414 above it. Default 4 KiB. */
  public VerveOptions setMaxRequestLineLength(int maxRequestLineLength) {
    this.maxRequestLineLength = (int) positive("http.maxRequestLineLength", maxRequestLineLength);
    return this;
  }

  public int getMaxWebSocketFrameSize() { return maxWebSocketFrameSize; }

  /** {@code http.maxWebSocketFrameSize}: bytes of one WebSocket frame; a larger one closes the socket. Default 64 KiB. */
  public VerveOptions setMaxWebSocketFrameSize(int maxWebSocketFrameSize) {
    this.maxWebSocketFrameSize = (int) positive("http.maxWebSocketFrameSize", maxWebSocketFrameSize);
    return this;
  }

  public int getMaxWebSocketMessageSize() { return maxWebSocketMessageSize; }

  /** {@code http.maxWebSocketMessageSize}: bytes of one WebSocket message (its frames together). Default 256 KiB. */
  public VerveOptions setMaxWebSocketMessageSize(int maxWebSocketMessageSize) {
    this.maxWebSocketMessageSize = (int) positive("http.maxWebSocketMessageSize", maxWebSocketMessageSize);
    return this;
  }

  public int getMaxAddressLength() { return maxAddressLength; }

  /** {@code eventbus.maxAddressLength}: longest address a bridge socket may name; default 128. */
  public VerveOptions setMaxAddressLength(int maxAddressLength) {
    this.maxAddressLength = (int) positive("eventbus.maxAddressLength", maxAddressLength);
    return this;
  }

  public int getMaxHandlersPerSocket() { return maxHandlersPerSocket; }

  /** {@code eventbus.maxHandlersPerSocket}: addresses one bridge socket may listen to at once; default 100. */
  public VerveOptions setMaxHandlersPerSocket(int maxHandlersPerSocket) {
    this.maxHandlersPerSocket = (int) positive("eventbus.maxHandlersPerSocket", maxHandlersPerSocket);
    return this;
  }

  public boolean isH2c() { return h2c; }

  /** {@code http.h2c}: accept cleartext HTTP/2 (prior knowledge or {@code Upgrade: h2c}); off by default. */
  public VerveOptions setH2c(boolean h2c) {
    this.h2c = h2c;
    return this;
  }

  private static long positive(String key, long value) {
    if (value <= 0) throw new IllegalArgumentException(key + " must be positive, got " + value);
    return value;
  }

  public int getMaxInFlight() { return maxInFlight; }

  /**
   * {@code api.maxInFlight}: function calls and pages this node serves at once (all its Verve instances
   * together); one more gets {@code 503} with {@code Retry-After} at once. Default {@value #DEFAULT_MAX_IN_FLIGHT}.
   */
  public VerveOptions setMaxInFlight(int maxInFlight) {
    if (maxInFlight <= 0) throw new IllegalArgumentException("api.maxInFlight must be positive, got " + maxInFlight);
    this.maxInFlight = maxInFlight;
    return this;
  }

  public String getOpsRole() { return opsRole; }

  /**
   * {@code ops.role}: the role a signed-in caller needs for {@code /health/*} and {@code /metrics} when the
   * request is not from loopback; default {@value #DEFAULT_OPS_ROLE}.
   */
  public VerveOptions setOpsRole(String opsRole) {
    String role = Objects.requireNonNull(opsRole, "ops.role").trim();
    if (role.isEmpty()) throw new IllegalArgumentException("ops.role must not be empty");
    this.opsRole = role;
    return this;
  }

  public boolean isOpsLoopbackOpen() { return opsLoopbackOpen; }

  /**
   * {@code ops.loopbackOpen}: whether a request from a loopback address that came through no proxy (no
   * {@code Forwarded} or {@code X-Forwarded-For} header) reads {@code /health/*} and {@code /metrics}
   * without the role; default {@code true}.
   */
  public VerveOptions setOpsLoopbackOpen(boolean opsLoopbackOpen) {
    this.opsLoopbackOpen = opsLoopbackOpen;
    return this;
  }

  public boolean isOpsPublicHealth() { return opsPublicHealth; }

  /** {@code ops.publicHealth}: {@code /health/*} open to anyone (probes of a load balancer); default {@code false}. */
  public VerveOptions setOpsPublicHealth(boolean opsPublicHealth) {
    this.opsPublicHealth = opsPublicHealth;
    return this;
  }

  private static int intValue(JsonObject config, String key, int def) {
    long value = ConfigValues.longValue(config, key, def);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(key + " is out of range: " + value);
    }
    return (int) value;
  }

  private static List<String> stringList(Object value) {
    List<String> list = new ArrayList<>();
    if (value instanceof JsonArray) {
      ((JsonArray) value).forEach(v -> list.add(String.valueOf(v)));
    } else if (value != null) {
      for (String s : value.toString().split(",")) {
        if (!s.isBlank()) list.add(s.trim());
      }
    }
    return list;
  }
}
