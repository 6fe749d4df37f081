package dev.verve.examples;

import dev.verve.Verve;
import dev.verve.VerveOptions;
import dev.verve.VerveVerticle;
import dev.verve.auth.Auth;
import dev.verve.db.Database;
import dev.verve.db.DatabaseOptions;
import dev.verve.examples.impl.AdminImpl;
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
    // Sign-in and sign-up with Verve's built-in accounts and pages, in the same database as the todos.
    Auth auth = verve.auth(database).allowSignUp();
    verve.register(Counter.class, new CounterImpl(vertx))
      .register(Todos.class, new TodosImpl(vertx, database.pool()))
      .register(Admin.class, new AdminImpl(database.pool(), auth.users()));
    // end::register[]
    // Tells which node served a call: the cluster demo ("Scaling out" in the README) and its tests.
    verve.register(Nodes.class, new NodesImpl(vertx, verve.options().getRole()));
    // tag::readiness[]
    // GET /health/ready answers 503 naming "database" while the database does not answer.
    verve.readiness("database", database::ping);
    // end::readiness[]

    // tag::pages[]
    // Pages get their data through the proxies, as the signed-in user: in process for functions registered here.
    Counter counter = verve.proxy(Counter.class);
    Todos todos = verve.proxy(Todos.class);
    verve.page("/", "counter").value("count", 0)
      .await("total", ctx -> counter.highFives())
      .subscribe("total", Counter.TOTAL_ADDRESS);
    verve.page("/server-data", "server-data").await("data", ctx -> counter.getServerData());
    verve.page("/client-data", "client-data").resource("data", Counter.class, "getServerData");
    verve.page("/todos", "todos").permitAll().await("todos", ctx -> todos.list())
      .live("todos", "id", Todos.class, "changes");
    // end::pages[]
  }

  // tag::database[]
  // Before configure: migrates the schema (db/migration/*.sql) and opens the pool named by db.url.
  @Override
  protected Future<?> prepare(VerveOptions options) {
    return Database.open(vertx, DatabaseOptions.fromConfig(settings())).onSuccess(db -> database = db);
  }

  @Override
  public Future<?> stop() {
    // After super.stop(): the calls still in flight may be querying.
    return super.stop().eventually(() -> database == null ? Future.succeededFuture() : database.close());
  }
  // end::database[]

  /** The database, open from {@link #prepare} on; for subclasses that add functions of their own. */
  protected Database database() {
    return database;
  }

  // Built in, so the demo runs without conf/: the browser may listen to the high-five total.
  @Override
  protected JsonObject defaults() {
    return new JsonObject().put("eventbus.outbound", new JsonArray().add(Counter.TOTAL_ADDRESS));
  }
}
