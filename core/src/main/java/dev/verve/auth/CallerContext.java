package dev.verve.auth;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Where the caller lives while a call is served: the local data of the call's duplicated context. Vert.x
 * gives every event-bus message and every HTTP request a duplicated context of its own, and every
 * continuation of that call (a query's result, a timer, a reply) runs on it; a thread-local would be lost
 * at the first hop. Context locals ({@code ContextLocal}) must be registered before any Vert.x instance
 * exists, which a library cannot promise; the context's local map has no such rule.
 */
public final class CallerContext {

  private static final Object KEY = new Object() {
    @Override
    public String toString() {
      return "verve.context.caller";
    }
  };

  private CallerContext() {
  }

  public static Caller get(Context context) {
    // Read without making the local map: an anonymous call never has one, and making one cost a map a call.
    Map<Object, Object> data = ContextInternal.LOCAL_MAP.get(context);
    Object caller = data == null ? null : data.get(KEY);
    return caller instanceof Caller ? (Caller) caller : Caller.ANONYMOUS;
  }

  /** Sets the caller of the call running on {@code context}, which must be that call's duplicated context. */
  public static void set(Context context, Caller caller) {
    ContextInternal internal = (ContextInternal) context;
    if (!internal.isDuplicate()) {
      throw new IllegalStateException("a caller is set on a call's duplicated context only, never on an event loop's own");
    }
    internal.localContextData().put(KEY, caller);
  }

  public static <T> Future<T> runAs(Vertx vertx, Caller caller, Supplier<Future<T>> work) {
    ContextInternal context = ((VertxInternal) vertx).getOrCreateContext().duplicate();
    context.localContextData().put(KEY, caller);
    Promise<T> promise = context.promise();
    context.runOnContext(v -> {
      try {
        work.get().onComplete(promise);
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future();
  }
}
