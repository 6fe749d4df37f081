package dev.verve.bus;

import dev.verve.bus.impl.BridgeGuard;
import dev.verve.http.OriginGuard;
import dev.verve.http.Problems;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;

import java.util.List;
import java.util.function.Predicate;

/**
 * The event-bus bridge for browsers at {@code /eventbus/*} (raw WebSocket at {@code /eventbus/websocket},
 * SockJS's WebSocket and XHR polling transports beside it; no JSONP, htmlfile, EventSource, XHR streaming or
 * iframe page). A socket may name
 * addresses up to {@code eventbus.maxAddressLength} long and listen to {@code eventbus.maxHandlersPerSocket}.
 * Cross-site connections are refused like function calls are; every frame is decided by
 * {@link BridgeGuard} (deny by default, roles, per-user addresses, no forged caller).
 */
public final class EventBusBridge {

  public static final String PATH = "/eventbus";

  // WebSocket (the runtime's) and XHR polling (the official client's fallback) only: JSONP, htmlfile and
  // EventSource answer cross-site GETs with no Origin to check.
  private static SockJSHandlerOptions transports() {
    return new SockJSHandlerOptions()
      .addDisabledTransport(Transport.JSON_P.name())
      .addDisabledTransport(Transport.HTML_FILE.name())
      .addDisabledTransport(Transport.EVENT_SOURCE.name());
  }

  private EventBusBridge() {
  }

  /**
   * Mounts the bridge at {@value #PATH}; {@code isFunction} tells whether an address belongs to a server
   * function interface, {@code allowedOrigins} and {@code bodyLimit} are the functions' ({@code api.*}).
   */
  public static void mount(Vertx vertx, Router router, BridgeOptions options, List<String> allowedOrigins,
                           long bodyLimit, Predicate<String> isFunction) {
    BridgeGuard guard = new BridgeGuard(options, isFunction);
    router.route(PATH + "/*").handler(new OriginGuard(allowedOrigins));
    // SockJS also serves a page for iframe-based transports (it loads the SockJS client from a public CDN, on
    // this site's origin) and XHR streaming beside polling: this bridge offers neither.
    router.route(PATH + "/iframe*").handler(ctx -> ctx.fail(404));
    router.routeWithRegex(PATH + "/[^/]+/[^/]+/xhr_streaming").handler(ctx -> ctx.fail(404));
    // The SockJS HTTP transports (xhr_send, ...) read their body from the routing context.
    router.route(PATH + "/*").handler(BodyHandler.create(false).setBodyLimit(bodyLimit));
    router.route(PATH + "/*").subRouter(SockJSHandler.create(vertx, transports())
      .bridge(guard.bridgeOptions(options), guard));
    router.route(PATH + "/*").failureHandler(Problems::handleFailure);
  }
}
