package dev.verve.config;

import java.util.List;

/**
 * Every configuration key of Verve's core, in one table: the options of each concern read their keys from
 * here, the loader maps {@code VERVE_*} environment variables and checks types with it, and the README's
 * table is this table ({@link #markdownTable}; a test keeps the two equal).
 */
public final class ConfigKeys {

  private ConfigKeys() {
  }

  // ---- http: the server, its guards and limits -------------------------------------------------------
  public static final ConfigKey<String> HTTP_HOST = ConfigKey.text("http.host", "127.0.0.1", null,
    "interface the HTTP server binds", "http");
  public static final ConfigKey<Long> HTTP_PORT = ConfigKey.wholeNumber("http.port", 8080,
    "port (`0`: any free port)", "http");
  public static final ConfigKey<Boolean> HTTP_COMPRESSION = ConfigKey.flag("http.compression", false,
    "gzip responses (the runtime and function modules are always served pre-gzipped)", "http");
  public static final ConfigKey<List<String>> HTTP_ALLOWED_HOSTS = ConfigKey.list("http.allowedHosts",
    "`[]`: `http.host`, `localhost`, `127.0.0.1`, `::1`",
    "names a request's `Host` may carry, any port; others get `421`. `*` allows any (behind a proxy that checks `Host`)", "http");
  public static final ConfigKey<Long> HTTP_IDLE_TIMEOUT = ConfigKey.wholeNumber("http.idleTimeout", 60_000,
    "ms a connection may send and receive nothing before it is closed", "http");
  public static final ConfigKey<Long> HTTP_HEADER_TIMEOUT = ConfigKey.wholeNumber("http.headerTimeout", 20_000,
    "ms a connection has to deliver a request's headers after opening (kept alive: one to one and a half times that after a response)", "http");
  public static final ConfigKey<Long> HTTP_BODY_TIMEOUT = ConfigKey.wholeNumber("http.bodyTimeout", 30_000,
    "ms a request's body may take once its headers arrived", "http");
  public static final ConfigKey<Long> HTTP_MAX_HEADER_SIZE = ConfigKey.wholeNumber("http.maxHeaderSize", 8192,
    "bytes of a request's headers together; `431` above", "http");
  public static final ConfigKey<Long> HTTP_MAX_REQUEST_LINE_LENGTH = ConfigKey.wholeNumber("http.maxRequestLineLength", 4096,
    "bytes of the request line; `414` above", "http");
  public static final ConfigKey<Long> HTTP_MAX_WEBSOCKET_FRAME_SIZE = ConfigKey.wholeNumber("http.maxWebSocketFrameSize", 65_536,
    "bytes of one WebSocket frame; a larger one closes the socket", "http");
  public static final ConfigKey<Long> HTTP_MAX_WEBSOCKET_MESSAGE_SIZE = ConfigKey.wholeNumber("http.maxWebSocketMessageSize", 262_144,
    "bytes of one WebSocket message (its frames together); a larger one closes the socket", "http");
  public static final ConfigKey<Boolean> HTTP_H2C = ConfigKey.flag("http.h2c", false,
    "accept cleartext HTTP/2", "http");
  public static final ConfigKey<String> HTTP_CONTENT_SECURITY_POLICY = ConfigKey.text("http.contentSecurityPolicy", null,
    "Verve's: scripts from this site only, no inline script or `eval`, no framing by other sites",
    "`Content-Security-Policy` of every answer but function calls; `\"\"` sends none", "http");
  public static final ConfigKey<List<String>> HTTP_TRUSTED_PROXIES = ConfigKey.list("http.trustedProxies", null,
    "addresses of proxies in front: from them, the client's address is read from `X-Forwarded-For` (sign-in limits)", "http");
  public static final ConfigKey<String> HTTP_REFERRER_POLICY = ConfigKey.text("http.referrerPolicy",
    "strict-origin-when-cross-origin", null, "`Referrer-Policy` of every answer but function calls; `\"\"` sends none", "http");

  // ---- fn: server functions over HTTP ------------------------------------------------------------------
  public static final ConfigKey<String> API_PREFIX = ConfigKey.text("api.prefix", "/api", null,
    "where functions are served", "fn");
  public static final ConfigKey<Long> API_BODY_LIMIT = ConfigKey.wholeNumber("api.bodyLimit", 1024 * 1024,
    "largest request body, bytes: JSON, forms and uploaded files alike (413)", "fn");
  public static final ConfigKey<Long> API_TIMEOUT = ConfigKey.wholeNumber("api.timeout", 30_000,
    "ms to wait for a function's reply (and for a page's data)", "fn");
  public static final ConfigKey<List<String>> API_ALLOWED_ORIGINS = ConfigKey.list("api.allowedOrigins", null,
    "other origins allowed to call functions (CORS); same-origin calls always pass", "fn");
  public static final ConfigKey<Long> API_MAX_IN_FLIGHT = ConfigKey.wholeNumber("api.maxInFlight", 1000,
    "function calls (from their body's last byte) and pages a node serves at once; one more gets `503` with `Retry-After`", "fn");
  public static final ConfigKey<Long> API_MAX_BODIES_IN_FLIGHT = ConfigKey.wholeNumber("api.maxBodiesInFlight", 1000,
    "function calls whose body is still arriving, at once (each within `http.bodyTimeout`); one more gets `503`", "fn");
  public static final ConfigKey<Long> API_MAX_STREAMS = ConfigKey.wholeNumber("api.maxStreams", 1000,
    "open stream answers a web node serves at once; one more gets `503` with `Retry-After`", "fn");
  public static final ConfigKey<Long> API_STREAM_IDLE_TIMEOUT = ConfigKey.wholeNumber("api.streamIdleTimeout", 10_000,
    "ms without a word (items or heartbeats) after which a stream across the event bus is failed at its reader and stopped at its source", "fn");
  public static final ConfigKey<Long> API_STREAM_KEEP_ALIVE = ConfigKey.wholeNumber("api.streamKeepAlive", 15_000,
    "ms between the comment lines an idle `text/event-stream` answer sends, so proxies keep it open", "fn");

  // ---- bus: the browsers' event-bus bridge -------------------------------------------------------------
  public static final ConfigKey<List<String>> EVENTBUS_OUTBOUND = ConfigKey.list("eventbus.outbound",
    "`[]` (the demo: `counter.total`)", "addresses browsers may receive from, exact or `regex:...`", "bus");
  public static final ConfigKey<List<String>> EVENTBUS_INBOUND = ConfigKey.list("eventbus.inbound", null,
    "addresses browsers may send or publish to", "bus");
  public static final ConfigKey<Long> EVENTBUS_MAX_ADDRESS_LENGTH = ConfigKey.wholeNumber("eventbus.maxAddressLength", 128,
    "longest address a bridge socket may name (`err` frame `max_address_length_reached`)", "bus");
  public static final ConfigKey<Long> EVENTBUS_MAX_HANDLERS_PER_SOCKET = ConfigKey.wholeNumber("eventbus.maxHandlersPerSocket", 100,
    "addresses one bridge socket may listen to (`err` frame `max_handlers_reached`)", "bus");

  // ---- ops: health and metrics -------------------------------------------------------------------------
  public static final ConfigKey<String> OPS_ROLE = ConfigKey.text("ops.role", "ops", null,
    "role a caller needs for `/health/*` and `/metrics` unless on loopback", "ops");
  public static final ConfigKey<Boolean> OPS_LOOPBACK_OPEN = ConfigKey.flag("ops.loopbackOpen", true,
    "loopback clients (not forwarded by a proxy) read `/health/*` and `/metrics` without the role", "ops");
  public static final ConfigKey<Boolean> OPS_PUBLIC_HEALTH = ConfigKey.flag("ops.publicHealth", false,
    "`/health/*` open to anyone (probes); `/metrics` keeps its rule", "ops");

  // ---- page --------------------------------------------------------------------------------------------
  public static final ConfigKey<String> TEMPLATES_ROOT = ConfigKey.text("templates.root", "templates", null,
    "where page templates live on the class path", "page");

  // ---- the node as a whole -----------------------------------------------------------------------------
  public static final ConfigKey<String> NODE_ROLE = ConfigKey.text("node.role", "both", null,
    "`web` (HTTP, pages, bridge), `functions` (event-bus services only) or `both`", "verve");
  public static final ConfigKey<Boolean> DEV = ConfigKey.flag("dev", false,
    "development mode: templates reloaded, every request logged, hydration mismatches reported, Swagger UI at `<api.prefix>/docs`", "verve");

  // ---- db: the application's database ------------------------------------------------------------------
  public static final ConfigKey<String> DB_URL = ConfigKey.text("db.url", "jdbc:h2:./data/verve", null,
    "the database: `jdbc:h2:...` (embedded H2, PostgreSQL mode) or `postgresql://user[:password]@host:port/db`", "db");
  public static final ConfigKey<String> DB_USER = ConfigKey.text("db.user", null, "from the URL (H2: `sa`)",
    "overrides the URL's user", "db");
  public static final ConfigKey<String> DB_PASSWORD = ConfigKey.text("db.password", null, "from the URL (H2: empty)",
    "overrides the URL's password; `VERVE_DB_PASSWORD` keeps it out of files", "db");
  public static final ConfigKey<Long> DB_POOL_SIZE = ConfigKey.wholeNumber("db.poolSize", 4,
    "connections in the pool", "db");
  public static final ConfigKey<Long> DB_CONNECT_TIMEOUT = ConfigKey.wholeNumber("db.connectTimeout", 5000,
    "ms to open a connection or wait for a free one before a call answers 503", "db");
  public static final ConfigKey<String> DB_MIGRATIONS = ConfigKey.text("db.migrations", "db/migration", null,
    "where the Flyway migrations are on the class path", "db");

  // ---- auth: sign-in, sessions, tokens -----------------------------------------------------------------
  public static final ConfigKey<String> AUTH_TOKEN_KEY = ConfigKey.text("auth.tokenKey", null, "made at start",
    "secret (32+ characters) that signs bearer tokens; the same on every web node of a cluster", "auth");
  public static final ConfigKey<Long> AUTH_TOKEN_TTL = ConfigKey.wholeNumber("auth.tokenTtl", 3600,
    "seconds a bearer token is valid", "auth");
  public static final ConfigKey<Long> AUTH_SESSION_TIMEOUT = ConfigKey.wholeNumber("auth.sessionTimeout", 30 * 60 * 1000,
    "ms a session may stay unused", "auth");
  public static final ConfigKey<Boolean> AUTH_SECURE_COOKIE = ConfigKey.flag("auth.secureCookie", false,
    "`Secure` flag of the session cookie (set it behind TLS)", "auth");
  public static final ConfigKey<Long> AUTH_MAX_FAILURES = ConfigKey.wholeNumber("auth.maxFailures", 5,
    "failed sign-ins per username and client address within `auth.failureWindow` before `429`", "auth");
  public static final ConfigKey<Long> AUTH_MAX_FAILURES_PER_ADDRESS = ConfigKey.wholeNumber("auth.maxFailuresPerAddress", 50,
    "failed sign-ins per client address, whatever the names, within `auth.failureWindow` before `429`", "auth");
  public static final ConfigKey<Long> AUTH_FAILURE_WINDOW = ConfigKey.wholeNumber("auth.failureWindow", 300,
    "seconds over which failed sign-ins are counted", "auth");
  public static final ConfigKey<Long> AUTH_PASSWORD_ITERATIONS = ConfigKey.wholeNumber("auth.passwordIterations", 210_000,
    "PBKDF2 iterations of new password hashes", "auth");
  public static final ConfigKey<Long> AUTH_PASSWORD_CHECKS = ConfigKey.wholeNumber("auth.passwordChecks", 4,
    "password checks (sign-in, sign-up) a node runs at once", "auth");
  public static final ConfigKey<Long> AUTH_PASSWORD_CHECK_QUEUE = ConfigKey.wholeNumber("auth.passwordCheckQueue", 8,
    "password checks waiting their turn; one more is `503` with `Retry-After`", "auth");
  public static final ConfigKey<Long> AUTH_PASSWORD_MIN_LENGTH = ConfigKey.wholeNumber("auth.passwordMinLength", 8,
    "fewest characters of a new password (no composition rules, as NIST SP 800-63B advises)", "auth");
  public static final ConfigKey<Long> AUTH_PASSWORD_MAX_LENGTH = ConfigKey.wholeNumber("auth.passwordMaxLength", 128,
    "most characters of a new password", "auth");
  public static final ConfigKey<String> AUTH_ADMIN_PASSWORD = ConfigKey.text("auth.adminPassword", null, "none",
    "with the built-in accounts: creates the user `admin` (role `admin`) at start if there is none", "auth");

  /** Every key of core, in the README's order. */
  public static final List<ConfigKey<?>> ALL = List.of(
    HTTP_HOST, HTTP_PORT, API_PREFIX, API_BODY_LIMIT, API_TIMEOUT, API_ALLOWED_ORIGINS, API_MAX_IN_FLIGHT, API_MAX_BODIES_IN_FLIGHT, API_MAX_STREAMS, API_STREAM_IDLE_TIMEOUT, API_STREAM_KEEP_ALIVE,
    OPS_ROLE, OPS_LOOPBACK_OPEN, OPS_PUBLIC_HEALTH, EVENTBUS_OUTBOUND, EVENTBUS_INBOUND, NODE_ROLE,
    TEMPLATES_ROOT, HTTP_COMPRESSION, HTTP_ALLOWED_HOSTS, HTTP_IDLE_TIMEOUT, HTTP_HEADER_TIMEOUT,
    HTTP_BODY_TIMEOUT, HTTP_MAX_HEADER_SIZE, HTTP_MAX_REQUEST_LINE_LENGTH, HTTP_MAX_WEBSOCKET_FRAME_SIZE,
    HTTP_MAX_WEBSOCKET_MESSAGE_SIZE, HTTP_H2C, HTTP_CONTENT_SECURITY_POLICY, HTTP_REFERRER_POLICY, HTTP_TRUSTED_PROXIES,
    EVENTBUS_MAX_ADDRESS_LENGTH, EVENTBUS_MAX_HANDLERS_PER_SOCKET,
    DEV, DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE, DB_CONNECT_TIMEOUT, DB_MIGRATIONS,
    AUTH_TOKEN_KEY, AUTH_TOKEN_TTL, AUTH_SESSION_TIMEOUT, AUTH_SECURE_COOKIE, AUTH_MAX_FAILURES,
    AUTH_MAX_FAILURES_PER_ADDRESS, AUTH_FAILURE_WINDOW, AUTH_PASSWORD_ITERATIONS, AUTH_PASSWORD_CHECKS,
    AUTH_PASSWORD_CHECK_QUEUE, AUTH_PASSWORD_MIN_LENGTH, AUTH_PASSWORD_MAX_LENGTH, AUTH_ADMIN_PASSWORD);

  /** The prefixes core owns: an unknown key under one of them is a mistake worth a warning. */
  public static final List<String> CORE_PREFIXES = List.of("http.", "api.", "eventbus.", "ops.", "templates.",
    "node.", "db.", "auth.");

  /** {@code keys} as the README's Markdown table: key, default, meaning. */
  public static String markdownTable(List<ConfigKey<?>> keys) {
    StringBuilder table = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
    for (ConfigKey<?> key : keys) {
      String def = key.defaultText();
      // A default that is prose already ("made at start", "[]: `http.host`, ...") is shown as written.
      boolean prose = def.contains("`") || def.contains(" ");
      table.append("| `").append(key.name()).append("` | ").append(prose ? def : "`" + def + "`")
        .append(" | ").append(key.doc()).append(" |\n");
    }
    return table.toString();
  }
}
