package dev.verve.test;

import dev.verve.Verve;
import dev.verve.VerveOptions;
import dev.verve.VerveVerticle;
import dev.verve.auth.Auth;
import dev.verve.auth.Caller;
import dev.verve.db.Database;
import dev.verve.db.DatabaseOptions;
import io.vertx.core.Future;

/**
 * The smallest app the kit tests: built-in accounts with sign-up, no functions (they would need code
 * generation), and routes that show what the app sees (its settings, its caller) or block its event loop.
 * {@code kit.signUp=false} turns sign-up off. Package-private, as a test's own verticle often is.
 */
class KitVerticle extends VerveVerticle {

  private Database database;

  @Override
  protected Future<?> prepare(VerveOptions options) {
    return Database.open(vertx, DatabaseOptions.fromConfig(settings())).onSuccess(db -> database = db);
  }

  @Override
  protected void configure(Verve verve) {
    Auth auth = verve.auth(database);
    if (settings().getBoolean("kit.signUp", true)) auth.allowSignUp();
    verve.router().get("/kit/settings").handler(ctx -> ctx.json(settings()));
    verve.router().get("/kit/caller").handler(ctx -> {
      Caller caller = Auth.caller(ctx);
      ctx.end(caller.isSignedIn() ? caller.name() + " " + caller.id() : "anonymous");
    });
    // An event loop blocked for a second: what the blocked-thread check must catch.
    verve.router().post("/kit/block").handler(ctx -> {
      long until = System.currentTimeMillis() + 1200;
      while (System.currentTimeMillis() < until) {
        Thread.onSpinWait();
      }
      ctx.end();
    });
  }

  @Override
  public Future<?> stop() {
    return super.stop().eventually(() -> database == null ? Future.succeededFuture() : database.close());
  }
}
