package dev.verve.fn.impl;

import dev.verve.auth.Caller;
import dev.verve.auth.CallerContext;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ProxyHandler;
import io.vertx.serviceproxy.ServiceException;

import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The functions a Verve instance runs, callable in-process from the event loop they were registered on.
 * An HTTP call that arrives on that event loop (the usual case: the verticle that serves HTTP registered
 * them) is handed straight to the handler vertx-service-proxy generated, the one its event-bus consumers
 * use, with the same access rule checked first; it skips the event bus's reply address, the copy of its
 * arguments and the timer per request, and answers the same bytes. A call from any other thread, and
 * every call from other nodes and the bridge, still goes over the event bus; pages' and functions' proxies
 * of a function registered here come in through {@link InProcessBus}.
 */
public final class LocalFunctions {

  private final long timeoutMs;
  private final Map<String, Local> byAddress = new ConcurrentHashMap<>();
  private final List<Local> all = new CopyOnWriteArrayList<>();

  public LocalFunctions(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  /**
   * Makes {@code service} (already wrapped by {@link SafeService}) callable in-process, when this is an
   * event-loop context; from a worker it is served over the event bus only.
   */
  public <T> void add(Vertx vertx, ServiceDescriptor descriptor, Class<T> iface, T service) {
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    if (!context.isEventLoopContext()) return;
    ContextInternal loop = context.unwrap();
    Local local = new Local(descriptor, loop, handler(vertx, iface, service), new CallDeadlines(loop, timeoutMs));
    all.add(local);
    byAddress.put(descriptor.address(), local);
  }

  /**
   * Calls {@code method} in-process, or returns {@code null} when it is not served on the current thread's
   * event loop (the caller then sends it over the event bus). {@code args} are already validated.
   */
  public Future<Message<Object>> call(ServiceDescriptor service, MethodDescriptor method, JsonObject args,
                                      Caller caller) {
    Local local = served(service);
    if (local == null) return null;
    // Enforced here, where the function runs, as the event-bus consumer's CallCheck does.
    int refused = method.access().check(caller);
    if (refused != 0) {
      return Future.failedFuture(new ServiceException(refused,
        method.access().refusal(service.name() + "." + method.name(), refused)));
    }
    return run(local, service, method, args, caller);
  }

  /**
   * {@link #call} for a caller whose access to {@code method} was checked already, on this event loop, by the
   * HTTP handler: the rule is checked once per call.
   */
  Future<Message<Object>> run(ServiceDescriptor service, MethodDescriptor method, JsonObject args, Caller caller) {
    Local local = served(service);
    return local == null ? null : run(local, service, method, args, caller);
  }

  /** Whether a call to {@code service} made now, on this thread, would run in process. */
  boolean servesHere(ServiceDescriptor service) {
    return served(service) != null;
  }

  private Local served(ServiceDescriptor service) {
    Local local = byAddress.get(service.address());
    return local == null || !local.loop.inThread() ? null : local;
  }

  private Future<Message<Object>> run(Local local, ServiceDescriptor service, MethodDescriptor method,
                                      JsonObject args, Caller caller) {
    LocalCall call = new LocalCall(local.loop, local.deadlines, service.address(), local.deadlines.deadlineFromNow());
    local.deadlines.add(call);
    LocalMessage<JsonObject> message = new LocalMessage<>(service.address(), local.headers.get(method.name()), args, call);
    ContextInternal current = ContextInternal.current();
    if (current != null && current.isDuplicate()) {
      // The request's own context (every HTTP request gets one): the call runs on it, as the caller.
      if (CallerContext.get(current) != caller) CallerContext.set(current, caller);
      try {
        local.handler.handle(message);
      } catch (Throwable t) {
        // The generated handler has answered already (500) and re-throws, as on the event bus.
        current.reportException(t);
      }
    } else {
      // A context of the call's own, as an event-bus message gets: the caller lives in its local data.
      ContextInternal context = local.loop.duplicate();
      CallerContext.set(context, caller);
      context.dispatch(message, local.handler);
    }
    return call.future();
  }

  /** No new in-process call: they go to the event bus, whose consumers are being unregistered too. */
  public void unregister() {
    byAddress.clear();
  }

  /** Fails the calls still pending (after the wait for calls in flight) and stops the deadline checks. */
  public void close() {
    byAddress.clear();
    for (Local local : all) local.deadlines.close();
    all.clear();
  }

  // The generated handler, as ServiceBinder makes it: top level (no idle timer), no debug info in replies.
  private static <T> ProxyHandler handler(Vertx vertx, Class<T> iface, T service) {
    String name = iface.getName() + "VertxProxyHandler";
    try {
      Class<?> type = iface.getClassLoader().loadClass(name);
      return (ProxyHandler) type.getConstructor(Vertx.class, iface, boolean.class, long.class, boolean.class)
        .newInstance(vertx, service, true, -1L, false);
    } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
             | InvocationTargetException e) {
      throw new IllegalStateException("No service handler " + name + " (is the interface @ProxyGen?)", e);
    }
  }

  private static final class Local {
    final ContextInternal loop;
    final ProxyHandler handler;
    final CallDeadlines deadlines;
    // The "action" header the generated handler reads, one per function, made once.
    final Map<String, MultiMap> headers = new HashMap<>();

    Local(ServiceDescriptor descriptor, ContextInternal loop, ProxyHandler handler, CallDeadlines deadlines) {
      this.loop = loop;
      this.handler = handler;
      this.deadlines = deadlines;
      for (MethodDescriptor method : descriptor.methods()) {
        headers.put(method.name(), MultiMap.caseInsensitiveMultiMap().add("action", method.name()));
      }
    }
  }
}
