package dev.verve.fn.impl;

import dev.verve.fn.CallFailures;
import dev.verve.http.HttpProblem;
import dev.verve.http.Problems;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.streams.ReadStream;

import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes a stream function's items as the HTTP answer: {@code text/event-stream} (a {@code data:} event per
 * item, {@code event: end} at a normal end, {@code event: problem} for a failure, a comment line when idle)
 * or {@code application/x-ndjson} (a JSON value per line; a failure aborts the answer without its last
 * chunk, so a truncated stream never passes for a complete one). Items of one turn of the event loop go out
 * as one write; when the connection's write queue is full the reader is paused (no more credit reaches the
 * source) until it drains. A client that goes away cancels the stream at its source.
 */
final class StreamResponse {

  private static final Logger LOG = Logger.getLogger(StreamResponse.class.getName());
  private static final CharSequence EVENT_STREAM = HttpHeaders.createOptimized("text/event-stream; charset=utf-8");
  private static final CharSequence NDJSON = HttpHeaders.createOptimized("application/x-ndjson");
  private static final Buffer END_EVENT = Buffer.buffer("event: end\ndata: null\n\n");
  private static final Buffer KEEP_ALIVE = Buffer.buffer(": keep-alive\n\n");
  private static final int WRITE_SIZE = 16 * 1024;
  // After a full write, room for the next one's items and the one that crosses WRITE_SIZE: no growing copy.
  private static final int BUFFER_SIZE = WRITE_SIZE + 2048;
  private static final byte[] DATA = "data: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] EVENT_END = "\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final Vertx vertx;
  private final HttpServerResponse response;
  private final ReadStream<Object> reader;
  private final Runnable cancel;
  private final boolean ndjson;
  private final String what;
  private final long timeoutMs;
  private final Counter items;
  private final StreamWriters writers;
  private Buffer pending = Buffer.buffer(256);
  private int counted;
  private final byte[] digits = new byte[20];
  private boolean flushScheduled;
  private boolean finished;
  private boolean wroteSinceTick;
  private long keepAlive = -1;
  private final io.vertx.core.Context context = Vertx.currentContext();

  private StreamResponse(Vertx vertx, HttpServerResponse response, ReadStream<Object> reader, Runnable cancel, boolean ndjson,
                         String what, long timeoutMs, Counter items, StreamWriters writers) {
    this.vertx = vertx;
    this.response = response;
    this.reader = reader;
    this.cancel = cancel;
    this.ndjson = ndjson;
    this.what = what;
    this.timeoutMs = timeoutMs;
    this.items = items;
    this.writers = writers;
  }

  /** Whether the request asks for NDJSON rather than the default event stream. */
  static boolean wantsNdjson(String accept) {
    return accept != null && accept.contains("application/x-ndjson") && !accept.contains("text/event-stream");
  }

  /**
   * Writes {@code reader}'s items (JSON values) as the answer; {@code cancel} stops them at their source when
   * the client goes or the server stops.
   */
  static void start(Vertx vertx, HttpConnection connection, HttpServerResponse response, ReadStream<Object> reader,
                    Runnable cancel, boolean ndjson, String what, long timeoutMs, long keepAliveMs, Counter items,
                    StreamWriters writers) {
    if (response.closed()) {
      cancel.run();
      return;
    }
    StreamResponse stream = new StreamResponse(vertx, response, reader, cancel, ndjson, what, timeoutMs, items, writers);
    writers.add(stream);
    response.setChunked(true)
      .putHeader(HttpHeaders.CONTENT_TYPE, ndjson ? NDJSON : EVENT_STREAM)
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
      .putHeader("X-Accel-Buffering", "no"); // nginx: pass each event on, do not buffer the answer
    response.closeHandler(v -> stream.clientGone());
    // A graceful stop waits for open answers: the streams end first (an event: problem, not a reset).
    if (connection != null) connection.shutdownHandler(v -> writers.shutDown());
    response.exceptionHandler(e -> stream.clientGone());
    response.writeHead(); // the status and headers now: a client sees the stream is open before its first item
    if (!ndjson) stream.keepAlive = vertx.setPeriodic(keepAliveMs, id -> stream.tick());
    reader.exceptionHandler(stream::failed);
    reader.endHandler(v -> stream.ended());
    reader.handler(stream::item);
  }

  private void item(Object json) {
    counted++;
    if (ndjson) {
      appendJson(pending, json).appendByte((byte) '\n');
    } else {
      appendJson(pending.appendBytes(DATA), json).appendBytes(EVENT_END);
    }
    if (pending.length() >= WRITE_SIZE) {
      flush();
    } else if (!flushScheduled) {
      flushScheduled = true;
      vertx.runOnContext(v -> {
        flushScheduled = false;
        flush();
      });
    }
  }

  // Numbers, booleans and null written as they are: Jackson for a lone number costs more than the rest of the item.
  private Buffer appendJson(Buffer out, Object json) {
    if (json instanceof Integer || json instanceof Long) {
      return appendDigits(out, ((Number) json).longValue());
    }
    if (json instanceof Boolean || json == null) {
      return out.appendString(String.valueOf(json));
    }
    return out.appendBuffer(Json.encodeToBuffer(json));
  }

  private Buffer appendDigits(Buffer out, long value) {
    if (value == Long.MIN_VALUE) return out.appendString(Long.toString(value));
    int i = digits.length;
    long v = Math.abs(value);
    do {
      digits[--i] = (byte) ('0' + (v % 10));
      v /= 10;
    } while (v != 0);
    if (value < 0) digits[--i] = '-';
    return out.appendBytes(digits, i, digits.length - i);
  }

  private void flush() {
    if (counted > 0) {
      items.increment(counted); // one add per write, not one per item
      counted = 0;
    }
    if (finished || pending.length() == 0) return;
    Buffer chunk = pending;
    pending = Buffer.buffer(chunk.length() >= WRITE_SIZE ? BUFFER_SIZE : 256); // a fast stream stays fast
    wroteSinceTick = true;
    response.write(chunk);
    if (response.writeQueueFull()) {
      // TCP is full: stop taking items (and granting credit) until the client has read what is queued.
      reader.pause();
      response.drainHandler(v -> reader.resume());
    }
  }

  private void tick() {
    if (!wroteSinceTick && !finished) response.write(KEEP_ALIVE.copy());
    wroteSinceTick = false;
  }

  private void ended() {
    if (finished) return;
    flush();
    if (!ndjson) response.write(END_EVENT.copy());
    done();
    response.end();
  }

  private void failed(Throwable cause) {
    if (finished) return;
    flush();
    HttpProblem problem = cause instanceof HttpProblem ? (HttpProblem) cause : CallFailures.toProblem(cause, what, timeoutMs);
    if (ndjson) {
      // No way left to say it in the answer: the log has it, and the client sees the answer cut short.
      String id = problem.toJson().getString(Problems.CORRELATION_ID, UUID.randomUUID().toString());
      LOG.warning(what + ": the stream failed after its first item (" + problem.status() + " " + problem.detail()
        + "); its NDJSON answer was aborted; correlation id " + id);
      done();
      response.reset();
      return;
    }
    response.write("event: problem\ndata: " + problem.toJson().encode() + "\n\n");
    done();
    response.end();
  }

  private void clientGone() {
    if (finished) return;
    done();
    cancel.run();
  }

  void shutDown() {
    Runnable end = () -> {
      failed(new HttpProblem(503, "The server is shutting down; open the stream again"));
      cancel.run();
    };
    if (context == null || Vertx.currentContext() == context) end.run();
    else context.runOnContext(v -> end.run());
  }

  private void done() {
    finished = true;
    if (keepAlive >= 0) vertx.cancelTimer(keepAlive);
    writers.remove(this);
  }
}
