package ${package};

import ${package}.impl.GreeterImpl;
import ${package}.impl.NotesImpl;
import dev.verve.Verve;
import dev.verve.VerveOptions;
import dev.verve.VerveVerticle;
import dev.verve.auth.Auth;
import dev.verve.db.Database;
import dev.verve.db.DatabaseOptions;
import io.vertx.core.Future;

import java.util.List;

/** The app: {@code mvn compile exec:java}, then http://127.0.0.1:8080 (see conf/config.json). */
public class App extends VerveVerticle {

  private Database database;

  // Before configure: applies the migrations (src/main/resources/db/migration) and opens the pool (db.url).
  @Override
  protected Future<?> prepare(VerveOptions options) {
    return Database.open(vertx, DatabaseOptions.fromConfig(settings())).onSuccess(db -> database = db);
  }

  @Override
  protected void configure(Verve verve) {
    // Sign-in and sign-up, with Verve's accounts (in this database) and pages (in layout.hbs).
    verve.auth(database).allowSignUp();
    verve.register(Greeter.class, new GreeterImpl())
      .register(Notes.class, new NotesImpl(database.pool()));

    // The page awaits the functions through the event bus, as the visitor, before it is sent.
    Greeter greeter = verve.proxy(Greeter.class);
    Notes notes = verve.proxy(Notes.class);
    verve.page("/", "index")
      .await("greeting", ctx -> greeter.greet("world"))
      .await("notes", ctx -> Auth.caller(ctx).isSignedIn() ? notes.list() : Future.succeededFuture(List.of()));
  }

  @Override
  public Future<?> stop() {
    // After super.stop(): the calls still in flight may be querying.
    return super.stop().eventually(() -> database == null ? Future.succeededFuture() : database.close());
  }
}
