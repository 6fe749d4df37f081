package dev.verve.examples;

import dev.verve.Verve;
import dev.verve.VerveOptions;
import dev.verve.VerveVerticle;
import dev.verve.db.Database;
import dev.verve.db.DatabaseOptions;
import dev.verve.examples.impl.CounterImpl;
import dev.verve.examples.impl.NodesImpl;
import dev.verve.examples.impl.TodosImpl;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The demo: {@code mvn -pl examples -am compile exec:java}, then http://127.0.0.1:8080. */
// tag::register[]
public class DemoVerticle extends VerveVerticle {

  private Database database;

  @Override
  protected void configure(Verve verve) {
    verve.register(Counter.class, new CounterImpl(vertx));
    if (database != null) {
      verve.register(Todos.class, new TodosImpl(database.pool()));
    } else {
      verve.expose(Todos.class); // a web node: the function nodes serve Todos from the database
    }
    // end::register[]
    // Tells which node served a call: the cluster demo ("Scaling out" in the README) and its tests.
    verve.register(Nodes.class, new NodesImpl(verve.options().getRole()));

    // tag::pages[]
    // Pages get their data through the event bus, like any other caller would.
    Counter counter = verve.proxy(Counter.class);
    Todos todos = verve.proxy(Todos.class);
    verve.page("/", "counter").value("count", 0)
      .await("total", ctx -> counter.highFives())
      .subscribe("total", Counter.TOTAL_ADDRESS);
    verve.page("/server-data", "server-data").await("data", ctx -> counter.getServerData());
    verve.page("/client-data", "client-data").resource("data", Counter.class, "getServerData");
    verve.page("/todos", "todos").await("todos", ctx -> todos.list());
    // end::pages[]
  }

  // tag::database[]
  // Before configure: migrates the schema (db/migration/*.sql) and opens the pool named by db.url.
  @Override
  protected Future<?> prepare(VerveOptions options) {
    if (!options.getRole().runsFunctions()) {
      return Future.succeededFuture();
    }
    return Database.open(vertx, DatabaseOptions.fromConfig(settings())).onSuccess(db -> database = db);
  }

  @Override
  public Future<?> stop() {
    // After super.stop(): the calls still in flight may be querying.
    return super.stop().eventually(() -> database == null ? Future.succeededFuture() : database.close());
  }
  // end::database[]

  // Built in, so the demo runs without conf/: the browser may listen to the high-five total.
  @Override
  protected JsonObject defaults() {
    return new JsonObject().put("eventbus.outbound", new JsonArray().add(Counter.TOTAL_ADDRESS));
  }
}
