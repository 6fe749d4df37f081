package dev.verve.examples.accounts;

import dev.verve.Verve;
import dev.verve.VerveOptions;
import dev.verve.VerveVerticle;
import dev.verve.db.Database;
import dev.verve.db.DatabaseOptions;
import io.vertx.core.Future;

/**
 * An app with no templates at all (its template root is empty) that turns sign-in on: every page it shows
 * is Verve's, in Verve's plain layout. With {@code bare.page} set it also declares that page, whose
 * template it does not have.
 */
public class BareVerticle extends VerveVerticle {

  private Database database;

  @Override
  protected Future<?> prepare(VerveOptions options) {
    return Database.open(vertx, DatabaseOptions.fromConfig(settings())).onSuccess(db -> database = db);
  }

  @Override
  protected void configure(Verve verve) {
    verve.auth(database).allowSignUp();
    String page = settings().getString("bare.page");
    if (page != null) verve.page("/", page);
  }

  @Override
  public Future<?> stop() {
    return super.stop().eventually(() -> database == null ? Future.succeededFuture() : database.close());
  }
}
