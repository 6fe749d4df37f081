package dev.verve.fn.impl;

import io.vertx.core.internal.ContextInternal;

/**
 * The pending in-process calls of one event loop, oldest first, and one periodic check that fails those
 * past {@code api.timeout}. Every call has the same timeout, so the order of arrival is the order of the
 * deadlines: adding and removing are constant time and the check looks at the head only. This replaces the
 * timer per call an event-bus request schedules and cancels.
 */
final class CallDeadlines {

  private final long timeoutMs;
  private final long timeoutNanos;
  private final long timer;
  private final ContextInternal loop;
  private LocalCall head;
  private LocalCall tail;

  CallDeadlines(ContextInternal loop, long timeoutMs) {
    this.loop = loop;
    this.timeoutMs = timeoutMs;
    this.timeoutNanos = timeoutMs * 1_000_000L;
    // A call times out between api.timeout and an eighth of it later (at most a second later).
    long period = Math.max(10, Math.min(1000, timeoutMs / 8));
    this.timer = loop.setPeriodic(period, id -> expire(System.nanoTime(), false));
  }

  long deadlineFromNow() {
    return System.nanoTime() + timeoutNanos;
  }

  void add(LocalCall call) {
    call.previous = tail;
    call.next = null;
    if (tail == null) head = call;
    else tail.next = call;
    tail = call;
  }

  void remove(LocalCall call) {
    LocalCall previous = call.previous;
    LocalCall next = call.next;
    if (previous == null) {
      if (head != call) return; // not in the list (any more)
      head = next;
    } else {
      previous.next = next;
    }
    if (next == null) tail = previous;
    else next.previous = previous;
    call.previous = null;
    call.next = null;
  }

  private void expire(long now, boolean all) {
    while (head != null && (all || head.deadline - now <= 0)) {
      LocalCall call = head;
      remove(call);
      call.expire(timeoutMs);
    }
  }

  /** Stops the check and fails the calls still pending as timed out. */
  void close() {
    loop.owner().cancelTimer(timer);
    if (loop.inThread()) expire(0, true);
    else loop.execute(v -> expire(0, true));
  }
}
