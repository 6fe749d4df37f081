package dev.verve.bus.impl;

import dev.verve.VerveOptions;
import dev.verve.http.impl.OriginGuard;
import dev.verve.http.impl.Problems;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The event-bus bridge for browsers at {@code /eventbus/*} (raw WebSocket at {@code /eventbus/websocket},
 * SockJS fallbacks beside it). Deny by default: only the configured outbound addresses reach the browser
 * and only the configured inbound ones accept its messages. A regex never opens a server function's
 * address; only naming it exactly does. Cross-site connections are refused like function calls are.
 */
public final class EventBusBridge {

  public static final String PATH = "/eventbus";
  private static final String REGEX = "regex:";

  private EventBusBridge() {
  }

  /** {@code isServiceAddress} tells whether an address belongs to a server function interface. */
  public static void mount(Vertx vertx, Router router, VerveOptions options, Predicate<String> isServiceAddress) {
    SockJSBridgeOptions bridge = new SockJSBridgeOptions();
    options.getOutbound().forEach(entry -> bridge.addOutboundPermitted(permitted(entry)));
    options.getInbound().forEach(entry -> bridge.addInboundPermitted(permitted(entry)));
    Set<String> exactOutbound = exact(options.getOutbound());
    Set<String> exactInbound = exact(options.getInbound());

    router.route(PATH + "/*").handler(new OriginGuard(options.getAllowedOrigins()));
    // The SockJS HTTP transports (xhr_send, ...) read their body from the routing context.
    router.route(PATH + "/*").handler(BodyHandler.create(false).setBodyLimit(options.getBodyLimit()));
    router.route(PATH + "/*").subRouter(SockJSHandler.create(vertx)
      .bridge(bridge, event -> guard(event, isServiceAddress, exactInbound, exactOutbound)));
    router.route(PATH + "/*").failureHandler(Problems::handleFailure);
  }

  private static void guard(BridgeEvent event, Predicate<String> isServiceAddress,
                            Set<String> exactInbound, Set<String> exactOutbound) {
    JsonObject frame = event.getRawMessage();
    String address = frame == null ? null : frame.getString("address");
    switch (event.type()) {
      case SEND:
      case PUBLISH:
        event.complete(address == null || !isServiceAddress.test(address) || exactInbound.contains(address));
        break;
      case REGISTER:
      case RECEIVE:
        event.complete(address == null || !isServiceAddress.test(address) || exactOutbound.contains(address));
        break;
      default:
        event.complete(true);
    }
  }

  static PermittedOptions permitted(String entry) {
    String e = entry.trim();
    return e.startsWith(REGEX)
      ? new PermittedOptions().setAddressRegex(e.substring(REGEX.length()))
      : new PermittedOptions().setAddress(e);
  }

  private static Set<String> exact(List<String> entries) {
    Set<String> set = new HashSet<>();
    for (String entry : entries) {
      if (!entry.trim().startsWith(REGEX)) set.add(entry.trim());
    }
    return set;
  }
}
