package dev.verve.bus.impl;

import dev.verve.auth.Auth;
import dev.verve.auth.Caller;
import dev.verve.auth.CallerHeader;
import dev.verve.bus.BridgeOptions;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;

import java.util.List;
import java.util.function.Predicate;

/**
 * Decides every frame of every bridge socket. Deny by default: only the configured outbound addresses reach
 * the browser and only the configured inbound ones accept its messages; a regex never opens a server
 * function's address, only naming it exactly does; an outbound address may require a role; an address
 * {@code user.<id>.<anything>} reaches only that user's sockets; and what a browser sends never carries a
 * caller of its choosing (the header is removed, a signed-in socket's own user put in its place).
 */
public final class BridgeGuard implements Handler<BridgeEvent> {

  private static final int MESSAGE_TOO_BIG = 1009;

  private final BridgeRules outbound;
  private final BridgeRules inbound;
  private final Predicate<String> isFunction;

  /** {@code isFunction} tells whether an address belongs to a server function interface. */
  public BridgeGuard(BridgeOptions options, Predicate<String> isFunction) {
    this.outbound = BridgeRules.parse(options.getOutbound());
    this.inbound = BridgeRules.parse(options.getInbound());
    this.isFunction = isFunction;
  }

  /** vertx-web's bridge options with this guard's permitted addresses and {@code options}' limits. */
  public SockJSBridgeOptions bridgeOptions(BridgeOptions options) {
    SockJSBridgeOptions bridge = new SockJSBridgeOptions()
      .setMaxAddressLength(options.getMaxAddressLength())
      .setMaxHandlersPerSocket(options.getMaxHandlersPerSocket());
    outbound.permitted().forEach(bridge::addOutboundPermitted);
    inbound.permitted().forEach(bridge::addInboundPermitted);
    // Per-user addresses: the guard lets each socket have only its own user's.
    bridge.addOutboundPermitted(new PermittedOptions().setAddressRegex(UserAddresses.REGEX));
    return bridge;
  }

  @Override
  public void handle(BridgeEvent event) {
    JsonObject frame = event.getRawMessage();
    String address = frame == null ? null : frame.getString("address");
    switch (event.type()) {
      case SEND:
      case PUBLISH:
        if (address != null && isFunction.test(address) && !inbound.isExact(address) || !wellFormed(frame)) {
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
        if (isFunction.test(address) && !outbound.isExact(address)) {
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
      case SOCKET_ERROR:
        closeIfTooBig(event, frame);
        event.complete(true);
        break;
      default:
        event.complete(true);
    }
  }

  // Vert.x drops a message that outgrows http.maxWebSocketMessageSize but keeps the socket open, reading
  // and discarding the rest of its fragments: closing at once (1009, RFC 6455) stops the reading.
  private static void closeIfTooBig(BridgeEvent event, JsonObject error) {
    String message = error == null ? null : error.getString("message");
    if (message != null && message.contains("max message size") && event.socket() != null) {
      event.socket().close(MESSAGE_TOO_BIG, "message too big");
    }
  }

  // The members the bridge reads after this guard, with the types it casts them to: anything else is the
  // client's mistake, refused with an error frame rather than a ClassCastException logged per frame.
  private static boolean wellFormed(JsonObject frame) {
    Object headers = frame.getValue("headers");
    Object replyAddress = frame.getValue("replyAddress");
    return (headers == null || headers instanceof JsonObject) && (replyAddress == null || replyAddress instanceof String);
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
    return event.socket() == null ? Caller.ANONYMOUS : Auth.caller(event.socket().webSession());
  }
}
