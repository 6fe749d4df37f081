package dev.verve.fn.impl;

import dev.verve.auth.Caller;
import dev.verve.auth.CallerContext;
import dev.verve.auth.CallerHeader;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.Message;

import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Predicate;

/**
 * An outbound event-bus interceptor: a call to a server function's address made while serving a call
 * (a page's source, a function calling another function) carries the current caller, so the callee acts
 * for the same user. Only function addresses get the header: what is published to browsers never
 * carries anyone's identity. One per Vert.x instance; each Verve instance adds its addresses.
 */
final class CallerForwarding {

  // Weak keys: tests and embedders create and close many Vert.x instances.
  private static final Map<Vertx, Set<Predicate<String>>> FUNCTIONS = new WeakHashMap<>();

  private CallerForwarding() {
  }

  /** Forwards the caller on sends to addresses {@code isFunction} accepts. */
  static void install(Vertx vertx, Predicate<String> isFunction) {
    Set<Predicate<String>> functions;
    synchronized (FUNCTIONS) {
      functions = FUNCTIONS.get(vertx);
      if (functions == null) {
        functions = new CopyOnWriteArraySet<>();
        FUNCTIONS.put(vertx, functions);
        Set<Predicate<String>> own = functions;
        vertx.eventBus().addOutboundInterceptor(delivery -> forward(delivery, own));
      }
    }
    functions.add(isFunction);
  }

  static void uninstall(Vertx vertx, Predicate<String> isFunction) {
    synchronized (FUNCTIONS) {
      Set<Predicate<String>> functions = FUNCTIONS.get(vertx);
      if (functions != null) functions.remove(isFunction);
    }
  }

  private static <T> void forward(DeliveryContext<T> delivery, Set<Predicate<String>> functions) {
    Message<T> message = delivery.message();
    if (message.headers().contains(CallerHeader.NAME) || !isFunction(functions, message.address())) {
      delivery.next();
      return;
    }
    Context context = Vertx.currentContext();
    Caller caller = context == null ? Caller.ANONYMOUS : CallerContext.get(context);
    if (caller.isSignedIn()) {
      CallerHeader.write(message.headers(), caller);
    }
    delivery.next();
  }

  private static boolean isFunction(Set<Predicate<String>> functions, String address) {
    for (Predicate<String> p : functions) {
      if (p.test(address)) return true;
    }
    return false;
  }
}
