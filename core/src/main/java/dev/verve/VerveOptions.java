package dev.verve;

import dev.verve.bus.BridgeOptions;
import dev.verve.config.ConfigKeys;
import dev.verve.fn.ApiOptions;
import dev.verve.auth.AuthOptions;
import dev.verve.http.HttpOptions;
import dev.verve.ops.OpsOptions;
import dev.verve.page.PageOptions;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Objects;

/**
 * Settings of a {@link Verve} instance: one part per concern, each read by that concern alone, and what
 * concerns the node as a whole ({@code node.role}, {@code dev}). Every key is in
 * {@link ConfigKeys}, the README's configuration table.
 */
public class VerveOptions {

  private HttpOptions http = new HttpOptions();
  private ApiOptions api = new ApiOptions();
  private BridgeOptions bridge = new BridgeOptions();
  private OpsOptions ops = new OpsOptions();
  private PageOptions pages = new PageOptions();
  private AuthOptions auth = new AuthOptions();
  private NodeRole role = NodeRole.BOTH;
  private boolean dev;

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

    /** {@code web}, {@code functions} or {@code both}, in any case. */
    public static NodeRole parse(String role) {
      try {
        return valueOf(role.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("node.role must be web, functions or both; got '" + role + "'");
      }
    }
  }

  /** Reads every part from the flat, dotted keys of a merged config ({@code {"http.port": 8080, ...}}). */
  public static VerveOptions fromConfig(JsonObject config) {
    return new VerveOptions()
      .setHttp(HttpOptions.fromConfig(config))
      .setApi(ApiOptions.fromConfig(config))
      .setBridge(BridgeOptions.fromConfig(config))
      .setOps(OpsOptions.fromConfig(config))
      .setPages(PageOptions.fromConfig(config))
      .setAuth(AuthOptions.fromConfig(config))
      .setRole(NodeRole.parse(ConfigKeys.NODE_ROLE.get(config)))
      .setDev(ConfigKeys.DEV.get(config));
  }

  /** Sign-in, sessions and tokens ({@code auth.*}), for {@code verve.auth(database)}. */
  public AuthOptions auth() { return auth; }

  public VerveOptions setAuth(AuthOptions auth) {
    this.auth = Objects.requireNonNull(auth);
    return this;
  }

  /** The HTTP server: address and limits ({@code http.*}). */
  public HttpOptions http() { return http; }

  public VerveOptions setHttp(HttpOptions http) {
    this.http = Objects.requireNonNull(http);
    return this;
  }

  /** Server functions over HTTP ({@code api.*}). */
  public ApiOptions api() { return api; }

  public VerveOptions setApi(ApiOptions api) {
    this.api = Objects.requireNonNull(api);
    return this;
  }

  /** The browsers' event-bus bridge ({@code eventbus.*}). */
  public BridgeOptions bridge() { return bridge; }

  public VerveOptions setBridge(BridgeOptions bridge) {
    this.bridge = Objects.requireNonNull(bridge);
    return this;
  }

  /** Health and metrics ({@code ops.*}). */
  public OpsOptions ops() { return ops; }

  public VerveOptions setOps(OpsOptions ops) {
    this.ops = Objects.requireNonNull(ops);
    return this;
  }

  /** Pages ({@code templates.*}). */
  public PageOptions pages() { return pages; }

  public VerveOptions setPages(PageOptions pages) {
    this.pages = Objects.requireNonNull(pages);
    return this;
  }

  public NodeRole getRole() { return role; }

  /** {@code node.role}: {@code web}, {@code functions} or {@code both} (default). */
  public VerveOptions setRole(NodeRole role) {
    this.role = Objects.requireNonNull(role);
    return this;
  }

  public boolean isDev() { return dev; }

  /** {@code dev}: templates reloaded, every request logged, Swagger UI. */
  public VerveOptions setDev(boolean dev) {
    this.dev = dev;
    return this;
  }
}
