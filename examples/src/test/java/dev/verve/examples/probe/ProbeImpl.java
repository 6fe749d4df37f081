package dev.verve.examples.probe;

import dev.verve.examples.Todo;
import dev.verve.fn.UploadedFile;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

import java.util.List;
import java.util.Map;
import java.util.Set;

public class ProbeImpl implements Probe {

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
