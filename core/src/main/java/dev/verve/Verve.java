package dev.verve;

import dev.verve.auth.Accounts;
import dev.verve.auth.Auth;
import dev.verve.auth.AuthOptions;
import dev.verve.auth.Users;
import dev.verve.db.Database;
import dev.verve.impl.VerveImpl;
import dev.verve.page.Page;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The entry point: binds {@link ServerFunctions} implementations to the event bus and serves them over
 * HTTP through {@link #router()}.
 *
 * <pre>{@code
 * Verve verve = Verve.create(vertx)
 *   .register(Counter.class, new CounterImpl(vertx));
 * vertx.createHttpServer().requestHandler(verve.requestHandler()).listen(8080);
 * }</pre>
 *
 * The router checks {@code Host} and the request's framing itself; the server-level limits of
 * {@link VerveOptions} (sizes, idle timeout, header and body deadlines, no h2c) are applied by
 * {@link VerveVerticle}, which is the way to serve in production.
 */
public interface Verve {

  static Verve create(Vertx vertx) {
    return create(vertx, new VerveOptions());
  }

  static Verve create(Vertx vertx, VerveOptions options) {
    return new VerveImpl(vertx, options);
  }

  /**
   * Serves {@code implementation} on the event bus at the interface's address and exposes the interface
   * over HTTP. The interface must carry {@link ServerFunctions} and have been processed by
   * {@code verve-codegen}. On a {@code web} node ({@code node.role}) it is only exposed, on a
   * {@code functions} node only served.
   */
  <T> Verve register(Class<T> iface, T implementation);

  /**
   * Exposes the interface over HTTP without serving it here: calls go to whichever node of the
   * (clustered) event bus registered it, and answer 503 while none has.
   */
  Verve expose(Class<?> iface);

  /**
   * A server-rendered page at {@code path} (GET): the Handlebars template {@code templates/<template>.hbs}
   * from the class path, rendered after the page's awaited futures resolve.
   */
  Page page(String path, String template);

  /**
   * An event-bus proxy for the interface at its Verve address, with the configured call timeout. For an
   * interface registered in this verticle (call {@code register} first), a call made on this verticle's
   * event loop runs in process, with the same checks and answers, and no message on the event bus.
   */
  <T> T proxy(Class<T> iface);

  /**
   * Adds a check to {@code GET /health/ready}: the node is ready while {@code check}'s future succeeds
   * within 2 s, and answers 503 naming {@code name} otherwise. Built in: {@code functions} (this node's are
   * registered; some node serves each interface exposed here) and {@code cluster} (when clustered).
   *
   * <pre>{@code
   * verve.readiness("database", database::ping);
   * }</pre>
   */
  Verve readiness(String name, java.util.function.Supplier<Future<?>> check);

  /**
   * Completes once every registered function is reachable on the event bus, every page's template is found
   * and the built-in accounts' seed admin (if any) exists; fails naming what is missing.
   */
  Future<Void> ready();

  /**
   * The router with the function routes ({@code POST <api.prefix>/<Interface>/<method>}), the browser
   * modules ({@code /verve/...}), the application's static files ({@code /assets/...} from
   * {@code webroot/} on the class path), the pages, and a 404 page for everything else. Add your own
   * routes to it.
   */
  Router router();

  /**
   * What an HTTP server of this app hands each request to: {@link #router()}, except for an anonymous JSON
   * call to a function ({@code POST <api.prefix>/<Interface>/<method>}, no session cookie or
   * {@code Authorization}, no other site's {@code Origin}), which goes straight to its function with the same
   * checks, limits, meters and answers, without the router's walk through its routes. {@code VerveVerticle}
   * serves this; a server of your own should too.
   */
  Handler<HttpServerRequest> requestHandler();

  /**
   * Turns on sign-in with Verve's built-in accounts ({@link Users}) in {@code database}, with the
   * {@code auth.*} settings: sessions, the sign-in page {@code GET/POST /login}, {@code POST /logout},
   * {@code POST /auth/token} and bearer tokens; {@code .allowSignUp()} adds the sign-up page. The pages are
   * Verve's, in the app's {@code layout.hbs}, unless the app has a {@code login.hbs} or {@code signup.hbs}
   * of its own. With {@code auth.adminPassword} set, the user {@code admin} (role {@code admin}) is created
   * at start if there is none. Without sign-in every caller is anonymous, and functions that need a user
   * answer 401.
   */
  Auth auth(Database database);

  /**
   * Turns on sign-in with the app's own {@code accounts}, as {@link #auth(Database)} does with Verve's.
   */
  Auth auth(Accounts accounts, AuthOptions options);

  VerveOptions options();

  /**
   * Unregisters every function from the event bus, then waits (up to {@code api.timeout}) for the calls
   * this instance is still serving to reply.
   */
  Future<Void> close();
}
