package dev.verve.auth.impl;

import dev.verve.http.HttpProblem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A password check costs a PBKDF2 hash (a quarter second of a core, on purpose): a node runs at most
 * {@code auth.passwordChecks} at once, keeps {@code auth.passwordCheckQueue} waiting, and answers any more
 * with 503 and {@code Retry-After} at once, so a flood of sign-ins cannot make a real user wait seconds.
 * Waiting is not first come, first served: a check carries the recent failures of its client address, the
 * fewest go first, and a full queue makes room for a newcomer with fewer by refusing the one with the most.
 * So addresses that keep failing (a flood from many) queue behind each other, and a user who has not
 * failed waits for one running check at most. Shared by every Verve instance of the node.
 */
final class PasswordChecks implements Shareable {

  private static final Comparator<Waiting> ORDER = Comparator.<Waiting>comparingInt(w -> w.failures)
    .thenComparingLong(w -> w.arrival);

  private final int max;
  private final int queue;
  private final List<Waiting> waiting = new ArrayList<>();
  private int running;
  private long arrivals;

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

  /**
   * Runs {@code check} now, or in its turn once a running one ends, or refuses it (503); {@code failures}: the
   * recent failed sign-ins of the caller's address, its place in the queue.
   */
  <T> Future<T> run(Vertx vertx, int failures, Supplier<Future<T>> check) {
    // Completed on the caller's context, whichever check's end lets it start.
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    Promise<T> promise = context.promise();
    Waiting refused = null;
    synchronized (this) {
      if (running < max) {
        running++;
      } else {
        Waiting newcomer = new Waiting(failures, arrivals++,
          () -> context.runOnContext(v -> begin(check, promise)),
          () -> context.runOnContext(v -> promise.fail(busy())));
        if (waiting.size() < queue) {
          waiting.add(newcomer);
          return promise.future();
        }
        Waiting last = waiting.isEmpty() ? null : waiting.stream().max(ORDER).get();
        if (last == null || ORDER.compare(newcomer, last) >= 0) return Future.failedFuture(busy());
        waiting.remove(last);
        waiting.add(newcomer);
        refused = last;
      }
    }
    if (refused != null) {
      refused.refuse.run();
      return promise.future();
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
      Waiting next;
      synchronized (this) {
        next = waiting.isEmpty() ? null : waiting.stream().min(ORDER).get();
        if (next == null) running--;
        else waiting.remove(next);
      }
      if (next != null) next.start.run();
      promise.handle(ar);
    });
  }

  private static HttpProblem busy() {
    return new HttpProblem(503, "Too many sign-ins are being checked right now; try again in a moment.").retryAfter(1);
  }

  private static final class Waiting {
    final int failures;
    final long arrival;
    final Runnable start;
    final Runnable refuse;

    Waiting(int failures, long arrival, Runnable start, Runnable refuse) {
      this.failures = failures;
      this.arrival = arrival;
      this.start = start;
      this.refuse = refuse;
    }
  }
}
