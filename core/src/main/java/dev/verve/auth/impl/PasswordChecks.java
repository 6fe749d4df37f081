package dev.verve.auth.impl;

import dev.verve.http.HttpProblem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * A password check costs a PBKDF2 hash (a quarter second of a core, on purpose): a node runs at most
 * {@code auth.passwordChecks} at once, keeps {@code auth.passwordCheckQueue} waiting, and answers any more
 * with 503 and {@code Retry-After} at once, so a flood of sign-ins cannot make a real user wait seconds.
 * Shared by every Verve instance of the node.
 */
final class PasswordChecks implements Shareable {

  private final int max;
  private final int queue;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private int running;

  private PasswordChecks(int max, int queue) {
    this.max = max;
    this.queue = queue;
  }

  static PasswordChecks of(Vertx vertx, int max, int queue) {
    LocalMap<String, PasswordChecks> map = vertx.sharedData().getLocalMap("verve.auth");
    PasswordChecks created = new PasswordChecks(max, queue);
    PasswordChecks existing = map.putIfAbsent("passwordChecks", created);
    return existing != null ? existing : created;
  }

  /** Runs {@code check} now, or once a running one ends, or refuses it (503) when the queue is full. */
  <T> Future<T> run(Vertx vertx, Supplier<Future<T>> check) {
    // Completed on the caller's context, whichever check's end lets it start.
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    Promise<T> promise = context.promise();
    synchronized (this) {
      if (running < max) {
        running++;
      } else if (waiting.size() < queue) {
        waiting.add(() -> context.runOnContext(v -> begin(check, promise)));
        return promise.future();
      } else {
        return Future.failedFuture(new HttpProblem(503,
          "Too many sign-ins are being checked right now; try again in a moment.").retryAfter(1));
      }
    }
    begin(check, promise);
    return promise.future();
  }

  private <T> void begin(Supplier<Future<T>> check, Promise<T> promise) {
    Future<T> result;
    try {
      result = check.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(ar -> {
      Runnable next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) running--;
      }
      if (next != null) next.run();
      promise.handle(ar);
    });
  }
}
