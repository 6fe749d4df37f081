package dev.verve.fn.impl;

import dev.verve.db.Database;
import dev.verve.http.Problems;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wraps a function implementation before it is bound to the event bus. The generated service handler
 * would answer an exception thrown by the implementation with code 500 and the raw exception text (which
 * HTTP would then show), and re-throw it. Here a thrown exception or a failed future that is not a
 * {@link ServiceException} is logged with its stack trace and a correlation id, and replaced by a
 * {@code ServiceException(-1, ...)} carrying only that id, which HTTP maps to a generic 500. A failure to
 * reach the database ({@link Database#isUnavailable}) becomes a 503 "The database is not available".
 */
final class SafeService implements InvocationHandler {

  private static final Logger LOG = Logger.getLogger(SafeService.class.getName());

  private final Object target;
  private final String name;
  private final InFlight inFlight;

  private SafeService(Object target, String name, InFlight inFlight) {
    this.target = target;
    this.name = name;
    this.inFlight = inFlight;
  }

  @SuppressWarnings("unchecked")
  static <T> T wrap(Class<T> iface, T target, InFlight inFlight) {
    return (T) Proxy.newProxyInstance(iface.getClassLoader(), new Class<?>[]{iface},
      new SafeService(target, iface.getSimpleName(), inFlight));
  }

  @Override
  @SuppressWarnings("deprecation") // isAccessible: the flag itself, where canAccess would redo the check
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(target, args);
    }
    // Reflection checks the caller's access on every call until told once that it need not (the methods
    // are the interface's public ones, each one Method object of the proxy class); that check was 2 % of a
    // small call's CPU. Reading the flag costs nothing; a set of methods told cost a map's lock per call.
    if (!method.isAccessible()) method.trySetAccessible();
    Object result;
    inFlight.begin();
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      inFlight.end();
      return Future.failedFuture(sanitize(method, e.getCause()));
    }
    if (!(result instanceof Future)) {
      inFlight.end();
      return result == null && Future.class.isAssignableFrom(method.getReturnType())
        ? Future.failedFuture(sanitize(method, new NullPointerException(name + "." + method.getName() + " returned null")))
        : result;
    }
    Future<?> future = (Future<?>) result;
    // Answered already (most functions answer at once): no continuation to chain.
    if (future.isComplete()) {
      inFlight.end();
      return future.succeeded() ? future : Future.failedFuture(sanitize(method, future.cause()));
    }
    return future.transform(ar -> {
      inFlight.end();
      return ar.succeeded() ? future : Future.failedFuture(sanitize(method, ar.cause()));
    });
  }

  private Throwable sanitize(Method method, Throwable error) {
    return SafeFailures.of(name + "." + method.getName(), error);
  }

}
