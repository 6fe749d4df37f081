package dev.verve.fn.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;

/**
 * One call of a function served in-process ({@link LocalFunctions}): its reply, its deadline, and its place
 * in the event loop's list of pending calls ({@link CallDeadlines}). Everything but {@link #reply} runs on
 * the event loop the call was made on; a reply from another thread is carried back to it first.
 */
final class LocalCall {

  private final ContextInternal loop;
  private final CallDeadlines deadlines;
  private final Promise<Message<Object>> promise = Promise.promise();
  private final String address;
  final long deadline;
  // The list of pending calls, oldest first (CallDeadlines).
  LocalCall previous;
  LocalCall next;
  private boolean done;

  LocalCall(ContextInternal loop, CallDeadlines deadlines, String address, long deadline) {
    this.loop = loop;
    this.deadlines = deadlines;
    this.address = address;
    this.deadline = deadline;
  }

  Future<Message<Object>> future() {
    return promise.future();
  }

  /** The service handler's answer: a value, or a {@link ReplyException} (a {@code ServiceException}). */
  void reply(Object value) {
    if (loop.inThread()) {
      complete(value);
    } else {
      loop.execute(value, this::complete);
    }
  }

  private void complete(Object value) {
    if (done) return;
    done = true;
    deadlines.remove(this);
    if (value instanceof ReplyException) {
      promise.fail((ReplyException) value);
    } else {
      promise.complete(new LocalMessage<>(address, null, value, null));
    }
  }

  /** No answer in time: the same failure the event bus gives a request. */
  void expire(long timeoutMs) {
    if (done) return;
    done = true;
    promise.fail(new ReplyException(ReplyFailure.TIMEOUT,
      "Timed out after waiting " + timeoutMs + "(ms) for a reply. address: " + address));
  }
}
