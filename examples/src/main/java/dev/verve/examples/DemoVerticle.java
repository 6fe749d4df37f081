package dev.verve.examples;

import dev.verve.Verve;
import dev.verve.VerveOptions;
import dev.verve.VerveVerticle;
import dev.verve.auth.AuthOptions;
import dev.verve.config.ConfigKey;
import dev.verve.auth.Passwords;
import dev.verve.db.Database;
import dev.verve.db.DatabaseOptions;
import dev.verve.examples.impl.AccountsImpl;
import dev.verve.examples.impl.AdminImpl;
import dev.verve.examples.impl.CounterImpl;
import dev.verve.examples.impl.NodesImpl;
import dev.verve.examples.impl.TodosImpl;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.logging.Logger;

/** The demo: {@code mvn -pl examples -am compile exec:java}, then http://127.0.0.1:8080. */
// tag::register[]
public class DemoVerticle extends VerveVerticle {

  private Database database;
  private AccountsImpl accounts;

  @Override
  protected void configure(Verve verve) {
    verve.register(Counter.class, new CounterImpl(vertx))
      .register(Todos.class, new TodosImpl(vertx, database.pool()))
      .register(Admin.class, new AdminImpl(database.pool()));
    // end::register[]
    // Tells which node served a call: the cluster demo ("Scaling out" in the README) and its tests.
    verve.register(Nodes.class, new NodesImpl(vertx, verve.options().getRole()));
    // tag::readiness[]
    // GET /health/ready answers 503 naming "database" while the database does not answer.
    verve.readiness("database", database::ping);
    // end::readiness[]

    // tag::auth[]
    // Sign-in, sign-up, sessions and tokens; the users are in the same database as the todos.
    verve.auth(accounts, AuthOptions.fromConfig(settings())).allowSignUp();
    // end::auth[]

    // tag::pages[]
    // Pages get their data through the event bus, like any other caller would, as the signed-in user.
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
    return Database.open(vertx, DatabaseOptions.fromConfig(settings())).compose(db -> {
      database = db;
      Passwords passwords = Passwords.create(vertx, AuthOptions.fromConfig(settings()).getPasswordIterations());
      accounts = new AccountsImpl(db.pool(), passwords);
      return createAdmin(ADMIN_PASSWORD.get(settings()));
    });
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

  /** The demo's own key: like core's, read from the environment ({@code VERVE_DEMO_ADMINPASSWORD}) too. */
  static final ConfigKey<String> ADMIN_PASSWORD = ConfigKey.text("demo.adminPassword", null, "none",
    "the demo only: creates the user `admin` (role `admin`) at start", "demo");

  // demo.adminPassword: a user "admin" with the role admin, made at the first start that names one.
  private Future<?> createAdmin(String password) {
    if (password == null || password.isEmpty()) return Future.succeededFuture();
    return accounts.create("admin", password, List.of("admin")).onSuccess(admin -> Logger.getLogger(getClass().getName())
      .info(admin != null ? "Created the user admin (demo.adminPassword)" : "The user admin exists already"));
  }

  // Built in, so the demo runs without conf/: the browser may listen to the high-five total.
  @Override
  protected List<ConfigKey<?>> configKeys() {
    return List.of(ADMIN_PASSWORD);
  }

  @Override
  protected JsonObject defaults() {
    return new JsonObject().put("eventbus.outbound", new JsonArray().add(Counter.TOTAL_ADDRESS));
  }
}
