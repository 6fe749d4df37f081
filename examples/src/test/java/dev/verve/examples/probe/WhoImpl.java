package dev.verve.examples.probe;

import dev.verve.auth.Caller;
import dev.verve.examples.Counter;
import dev.verve.examples.Todos;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

public class WhoImpl implements Who {

  private final Vertx vertx;
  private final Pool pool;
  private final Counter counter;
  private final Todos todos;

  public WhoImpl(Vertx vertx, Pool pool, Counter counter, Todos todos) {
    this.vertx = vertx;
    this.pool = pool;
    this.counter = counter;
    this.todos = todos;
  }

  @Override
  public Future<JsonObject> me() {
    return Future.succeededFuture(Caller.current().toView());
  }

  @Override
  public Future<String> afterAwaits() {
    return vertx.timer(5)
      .compose(v -> pool.query("SELECT 1").execute())
      .compose(rows -> counter.getServerData())
      .map(data -> Caller.current().name());
  }

  @Override
  public Future<Integer> myTodoCount() {
    return todos.list().map(list -> list.size());
  }

  @Override
  public Future<Void> never() {
    return Future.succeededFuture();
  }
}
