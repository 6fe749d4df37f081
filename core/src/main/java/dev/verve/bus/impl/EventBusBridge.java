package dev.verve.bus.impl;

import dev.verve.VerveOptions;
import dev.verve.auth.Caller;
import dev.verve.auth.impl.AuthImpl;
import dev.verve.auth.impl.CallerHeader;
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
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;

import java.util.List;
import java.util.function.Predicate;

/**
 * The event-bus bridge for browsers at {@code /eventbus/*} (raw WebSocket at {@code /eventbus/websocket},
 * SockJS's WebSocket and XHR transports beside it; no JSONP, htmlfile or EventSource). A socket may name
 * addresses up to {@code eventbus.maxAddressLength} long and listen to {@code eventbus.maxHandlersPerSocket}. Deny by default: only the configured outbound addresses reach the browser
 * and only the configured inbound ones accept its messages. A regex never opens a server function's
 * address; only naming it exactly does. Cross-site connections are refused like function calls are.
 *
 * <p>The bridge knows the user of each socket, from the session it was opened with: an outbound address
 * can require a role ({@code "admin.events role:admin"}), an address {@code user.<id>.<anything>} reaches
 * only that user's sockets, and what a browser sends never carries a caller of its choosing (the header
 * is removed; a signed-in socket's own user is put in its place).
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

  /** {@code isServiceAddress} tells whether an address belongs to a server function interface. */
  public static void mount(Vertx vertx, Router router, VerveOptions options, Predicate<String> isServiceAddress) {
    BridgeRules outbound = BridgeRules.parse(options.getOutbound());
    BridgeRules inbound = BridgeRules.parse(options.getInbound());
    SockJSBridgeOptions bridge = new SockJSBridgeOptions()
      .setMaxAddressLength(options.getMaxAddressLength())
      .setMaxHandlersPerSocket(options.getMaxHandlersPerSocket());
    outbound.permitted().forEach(bridge::addOutboundPermitted);
    inbound.permitted().forEach(bridge::addInboundPermitted);
    // Per-user addresses: the guard lets each socket have only its own user's.
    bridge.addOutboundPermitted(new PermittedOptions().setAddressRegex(UserAddresses.REGEX));

    router.route(PATH + "/*").handler(new OriginGuard(options.getAllowedOrigins()));
    // The SockJS HTTP transports (xhr_send, ...) read their body from the routing context.
    router.route(PATH + "/*").handler(BodyHandler.create(false).setBodyLimit(options.getBodyLimit()));
    router.route(PATH + "/*").subRouter(SockJSHandler.create(vertx, transports())
      .bridge(bridge, event -> guard(event, isServiceAddress, inbound, outbound)));
    router.route(PATH + "/*").failureHandler(Problems::handleFailure);
  }

  private static void guard(BridgeEvent event, Predicate<String> isServiceAddress, BridgeRules inbound,
                            BridgeRules outbound) {
    JsonObject frame = event.getRawMessage();
    String address = frame == null ? null : frame.getString("address");
    switch (event.type()) {
      case SEND:
      case PUBLISH:
        if (address != null && isServiceAddress.test(address) && !inbound.isExact(address)) {
          event.complete(false);
          return;
        }
        withOwnCaller(event, frame);
        event.complete(true);
        break;
      case REGISTER:
      case RECEIVE:
        if (address == null) {
          event.complete(true);
          return;
        }
        if (isServiceAddress.test(address) && !outbound.isExact(address)) {
          event.complete(false);
          return;
        }
        Caller caller = caller(event);
        String owner = UserAddresses.owner(address);
        if (owner != null) {
          event.complete(owner.equals(caller.id()));
          return;
        }
        String role = outbound.roleFor(address);
        event.complete(role == null || caller.hasRole(role));
        break;
      default:
        event.complete(true);
    }
  }

  // Headers are the browser's to choose: a caller among them would be a forged identity.
  private static void withOwnCaller(BridgeEvent event, JsonObject frame) {
    JsonObject headers = frame.getJsonObject("headers");
    if (headers == null) headers = new JsonObject();
    for (String name : List.copyOf(headers.fieldNames())) {
      if (name.equalsIgnoreCase(CallerHeader.NAME)) headers.remove(name);
    }
    Caller caller = caller(event);
    if (caller.isSignedIn()) headers.put(CallerHeader.NAME, caller.toJson().encode());
    frame.put("headers", headers);
    event.setRawMessage(frame);
  }

  private static Caller caller(BridgeEvent event) {
    return event.socket() == null ? Caller.ANONYMOUS : AuthImpl.fromSession(event.socket().webSession());
  }
}
