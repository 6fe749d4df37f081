package dev.verve.examples.probe;

import dev.verve.examples.Todo;
import dev.verve.fn.UploadedFile;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

import java.util.List;
import java.util.Map;
import java.util.Set;

public class ProbeImpl implements Probe {

  /** The quiet() streams open now: a cancelled one is closed (its close() called). */
  public static final java.util.concurrent.atomic.AtomicInteger quietOpen = new java.util.concurrent.atomic.AtomicInteger();

  @Override
  public Future<ReadStream<Todo>> todosThenFail(int items, int code) {
    List<Todo> todos = new java.util.ArrayList<>();
    for (int i = 1; i <= items; i++) todos.add(new Todo(i, "#" + i, i % 2 == 0));
    Throwable failure = code == 0 ? null : code >= 400 && code <= 599
      ? new ServiceException(code, "Refused after " + items + " items")
      : new IllegalStateException("the secret 'hunter2' went wrong");
    return Future.succeededFuture(new ListStream<>(Vertx.currentContext(), todos, failure));
  }

  @Override
  public Future<ReadStream<String>> adminOnly() {
    return Future.succeededFuture(new ListStream<>(Vertx.currentContext(), List.of("secret"), null));
  }

  @Override
  public Future<ReadStream<String>> quiet() {
    quietOpen.incrementAndGet();
    return Future.succeededFuture(new QuietStream());
  }

  /** Never emits; {@code close()} is what Verve calls when its reader goes. */
  public static final class QuietStream implements ReadStream<String>, Closeable {
    private boolean closed;

    @Override public ReadStream<String> exceptionHandler(Handler<Throwable> handler) { return this; }
    @Override public ReadStream<String> handler(Handler<String> handler) { return this; }
    @Override public ReadStream<String> pause() { return this; }
    @Override public ReadStream<String> resume() { return this; }
    @Override public ReadStream<String> fetch(long amount) { return this; }
    @Override public ReadStream<String> endHandler(Handler<Void> endHandler) { return this; }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        quietOpen.decrementAndGet();
      }
    }
  }

  /** Something with a close(), as a RowStream has. */
  public interface Closeable {
    void close();
  }

  @Override
  public Future<String> echo(String text) {
    return Future.succeededFuture(text);
  }

  @Override
  public Future<String> failWith(int code, String message) {
    return ServiceException.fail(code, message);
  }

  @Override
  public Future<String> crash(String secret) {
    return Future.failedFuture(new IllegalStateException("database password is " + secret));
  }

  @Override
  public Future<String> explode(String secret) {
    throw new IllegalArgumentException("internal state " + secret);
  }

  @Override
  public Future<String> hang() {
    return Promise.<String>promise().future();
  }

  @Override
  public Future<String> echoFromAnotherThread(String text) {
    Promise<String> promise = Promise.promise();
    Thread thread = new Thread(() -> promise.complete(text + " from " + Thread.currentThread().getName()),
      "probe-thread");
    thread.setDaemon(true);
    thread.start();
    return promise.future();
  }

  @Override
  public Future<Void> nothing() {
    return Future.succeededFuture();
  }

  @Override
  public Future<JsonObject> types(long big, double ratio, boolean flag, Color color, List<Integer> numbers,
                                  Map<String, String> tags, String note, Todo todo) {
    return Future.succeededFuture(new JsonObject()
      .put("big", big).put("ratio", ratio).put("flag", flag).put("color", color.name())
      .put("numbers", new JsonArray(numbers)).put("tags", new JsonObject((Map) tags))
      .put("note", note).put("todo", todo.toJson()));
  }

  @Override
  public Future<JsonObject> upload(UploadedFile file, List<UploadedFile> more, Set<String> labels, JsonObject extra,
                                   Integer maybe) {
    JsonArray others = new JsonArray();
    more.forEach(f -> others.add(describe(f)));
    return Future.succeededFuture(new JsonObject().put("file", describe(file)).put("more", others)
      .put("labels", new JsonArray(new java.util.ArrayList<>(new java.util.TreeSet<>(labels))))
      .put("extra", extra).put("maybe", maybe));
  }

  private static JsonObject describe(UploadedFile file) {
    return new JsonObject().put("name", file.name()).put("contentType", file.contentType())
      .put("size", file.bytes().length()).put("text", file.text());
  }
}
