package dev.verve.client.impl;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.core.streams.ReadStream;
import io.vertx.serviceproxy.ServiceException;

import java.util.function.Function;

/**
 * The items of a {@code text/event-stream} answer: each {@code data:} event decoded, {@code event: end} the
 * normal end, {@code event: problem} a failure ({@code ServiceException} with the status and the problem
 * JSON). An answer that stops without either was cut short: a failure too. Demand goes to the connection
 * (pause, fetch), so a paused reader stops reading and TCP slows the server down.
 */
final class EventStreamItems<T> implements ReadStream<T> {

  private final HttpClientResponse response;
  private final RecordParser events;
  private final Function<Object, T> decoder;
  private Handler<T> handler;
  private Handler<Void> endHandler;
  private Handler<Throwable> exceptionHandler;
  private boolean flowing = true;
  private boolean ended;
  private Throwable failure;
  private boolean done;

  // The connection's context: the parser is driven from there only, whatever thread the reader calls from.
  private final Context context = Vertx.currentContext();

  EventStreamItems(HttpClientResponse response, Function<Object, T> decoder) {
    this.response = response;
    this.decoder = decoder;
    this.events = RecordParser.newDelimited("\n\n", response);
    // Wired now, paused, on the connection's thread: a short answer may end before the reader sets its
    // handler, and the answer's end must wait in its queue until then.
    events.pause();
    events.exceptionHandler(this::fail);
    events.endHandler(v -> finish());
    events.handler(this::onEvent);
  }

  private void onEvent(Buffer block) {
    String event = "message";
    StringBuilder data = null;
    for (String line : block.toString().split("\n", -1)) {
      if (line.startsWith("event:")) event = line.substring(6).trim();
      else if (line.startsWith("data:")) {
        String value = line.substring(line.startsWith("data: ") ? 6 : 5);
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
    if (data == null || done) {
      if (!flowing) events.fetch(1); // a comment: the reader asked for an item, not for this
      return;
    }
    switch (event) {
      case "end":
        ended = true;
        break;
      case "problem":
        JsonObject problem = problem(data.toString());
        failure = new ServiceException(problem.getInteger("status", 500), problem.getString("detail", "The stream failed"), problem);
        break;
      default:
        T item;
        try {
          item = decoder.apply(Json.decodeValue(data.toString()));
        } catch (DecodeException | ClassCastException e) {
          fail(new ServiceException(502, "A stream item is not what the interface says: " + e.getMessage()));
          return;
        }
        Handler<T> h = handler;
        if (h != null) h.handle(item);
    }
  }

  private static JsonObject problem(String json) {
    try {
      Object value = Json.decodeValue(json);
      if (value instanceof JsonObject) return (JsonObject) value;
    } catch (DecodeException ignored) {
      // Reported as a failure without details below.
    }
    return new JsonObject();
  }

  private void finish() {
    if (done) return;
    if (failure != null) {
      fail(failure);
    } else if (!ended) {
      fail(new ServiceException(502, "The stream was cut short: it ended without its end event"));
    } else {
      done = true;
      Handler<Void> h = endHandler;
      if (h != null) h.handle(null);
    }
  }

  private void fail(Throwable cause) {
    if (done) return;
    done = true;
    Handler<Throwable> h = exceptionHandler;
    if (h != null) h.handle(cause);
    response.request().reset();
  }

  @Override
  public ReadStream<T> exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public ReadStream<T> handler(Handler<T> handler) {
    runHere(() -> setHandler(handler));
    return this;
  }

  private void setHandler(Handler<T> handler) {
    this.handler = handler;
    if (handler == null) {
      // No handler, no stream: the server sees the connection go and stops the source.
      if (!done) {
        done = true;
        response.request().reset();
      }
    } else if (flowing) {
      events.resume();
    }
  }

  @Override
  public ReadStream<T> pause() {
    runHere(() -> {
      flowing = false;
      events.pause();
    });
    return this;
  }

  @Override
  public ReadStream<T> resume() {
    runHere(() -> {
      flowing = true;
      if (handler != null) events.resume();
    });
    return this;
  }

  @Override
  public ReadStream<T> fetch(long amount) {
    runHere(() -> {
      if (handler != null) events.fetch(amount);
    });
    return this;
  }

  private void runHere(Runnable action) {
    if (context == null || Vertx.currentContext() == context) action.run();
    else context.runOnContext(v -> action.run());
  }

  @Override
  public ReadStream<T> endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }
}
