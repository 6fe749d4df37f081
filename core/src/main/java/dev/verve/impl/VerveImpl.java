package dev.verve.impl;

import dev.verve.ServerFunctions;
import dev.verve.Verve;
import dev.verve.VerveOptions;
import dev.verve.auth.Accounts;
import dev.verve.auth.Auth;
import dev.verve.auth.AuthOptions;
import dev.verve.auth.Authentication;
import dev.verve.auth.Users;
import dev.verve.db.Database;
import dev.verve.bus.EventBusBridge;
import dev.verve.fn.Functions;
import dev.verve.devmode.DevRoutes;
import dev.verve.http.BrowserHeaders;
import dev.verve.http.ErrorPages;
import dev.verve.http.FramingGuard;
import dev.verve.http.HostGuard;
import dev.verve.http.HttpAnswers;
import dev.verve.http.OriginGuard;
import dev.verve.http.Problems;
import dev.verve.http.RequestLimit;
import dev.verve.http.RouterBypass;
import dev.verve.http.ClientCausedLogs;
import dev.verve.http.UnhandledErrors;
import dev.verve.http.Sessions;
import dev.verve.openapi.OpenApiRoutes;
import dev.verve.ops.OpsRoutes;
import dev.verve.ops.Readiness;
import dev.verve.ops.VerveMetrics;
import dev.verve.page.Page;
import dev.verve.page.Pages;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.LoggerFormat;
import io.vertx.ext.web.handler.LoggerHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The facade: wires each concern's public part into one router. It holds no state of its own beyond them:
 * the functions are {@link Functions}', the pages {@link Pages}', who is calling {@link Authentication}'s.
 */
public final class VerveImpl implements Verve {

  private final Vertx vertx;
  private final VerveOptions options;
  private final Functions functions;
  private final Sessions sessions;
  private final Authentication authentication;
  private final PrometheusMeterRegistry registry;
  private final RequestLimit limit;
  private final Pages pages;
  private final Readiness readiness;
  private final BrowserHeaders browserHeaders;
  private DevRoutes devRoutes;
  private Auth auth;
  private Future<Void> seeded = Future.succeededFuture();
  private Router router;
  // Calls served before the router; none in dev mode.
  private RouterBypass bypass;

  public VerveImpl(Vertx vertx, VerveOptions options) {
    this.vertx = Objects.requireNonNull(vertx);
    this.options = Objects.requireNonNull(options);
    // What a client can make some code throw is logged once a minute per cause, not once per request.
    UnhandledErrors.install(vertx);
    ClientCausedLogs.install();
    this.functions = Functions.create(vertx, options.api(), options.getRole().servesHttp(),
      options.getRole().runsFunctions());
    this.sessions = new Sessions(vertx);
    this.authentication = Authentication.create(vertx, sessions, options.http().getTrustedProxies());
    this.registry = VerveMetrics.registry(vertx);
    this.limit = RequestLimit.of(vertx, options.api().getMaxInFlight());
    this.pages = Pages.create(vertx, options.pages(), options.isDev(), options.api().getTimeoutMs(), registry, limit);
    this.readiness = new Readiness(vertx, functions::ready, functions::unserved);
    this.browserHeaders = new BrowserHeaders(options.http(), options.api().getPrefix());
  }

  @Override
  public <T> Verve register(Class<T> iface, T implementation) {
    functions.register(serverFunctions(iface), implementation);
    return this;
  }

  @Override
  public Verve expose(Class<?> iface) {
    functions.expose(serverFunctions(iface));
    return this;
  }

  @Override
  public <T> T proxy(Class<T> iface) {
    return functions.proxy(serverFunctions(iface));
  }

  // Checked here, where users meet the annotation: the registry below knows interfaces by their descriptors.
  private static <T> Class<T> serverFunctions(Class<T> iface) {
    if (!iface.isInterface() || !iface.isAnnotationPresent(ServerFunctions.class)) {
      throw new IllegalArgumentException(iface.getName() + " is not a @ServerFunctions interface;"
        + " only those are served over HTTP");
    }
    return iface;
  }

  @Override
  public Future<Void> ready() {
    Future<Void> seeded;
    synchronized (this) {
      seeded = this.seeded;
    }
    return Future.all(functions.ready(), pages.ready(), seeded).mapEmpty();
  }

  @Override
  public Verve readiness(String name, Supplier<Future<?>> check) {
    readiness.add(Objects.requireNonNull(name, "name"), Objects.requireNonNull(check, "check"));
    return this;
  }

  @Override
  public Page page(String path, String template) {
    return pages.page(router(), path, template);
  }

  @Override
  public synchronized Router router() {
    if (router == null) {
      router = Router.router(vertx);
      String prefix = options.api().getPrefix();
      // vertx-web's logger is a platform handler, which must come first on its route.
      if (options.isDev()) {
        router.route().handler(LoggerHandler.create(LoggerFormat.TINY));
      }
      // Before anything reads a header or a byte of the body: a host this server answers for, and a body
      // whose length cannot be read two ways. Then who is asking, before anything else: functions, pages
      // and the bridge all act for this caller. One route with several handlers, matched once per request;
      // its first counts every answer by status.
      HttpAnswers answers = new HttpAnswers(registry);
      HostGuard hosts = new HostGuard(options.http(), prefix);
      router.route().handler(answers).handler(browserHeaders).handler(hosts).handler(new FramingGuard())
        .handler(sessions).handler(authentication);
      // Dev mode's pages and failures go through the router, whose logger shows every request.
      bypass = options.isDev() ? null : new RouterBypass(hosts, answers);
      if (options.isDev()) {
        // Dev mode's reload script and events, and a failed change's error in place of pages.
        devRoutes = new DevRoutes(vertx, prefix);
        devRoutes.mount(router);
      }
      OpsRoutes.mount(vertx, router, options.ops(), readiness.checks(), registry, limit);
      // The document before the functions: their handler answers every other path under the prefix.
      new OpenApiRoutes(vertx, functions.exposed(), prefix).mount(router, options.isDev());
      // Origin checked before a single body byte is read.
      router.route(prefix + "/*").handler(new OriginGuard(options.api().getAllowedOrigins()))
        .handler(functions.httpHandler(registry, limit));
      router.route(prefix + "/*").failureHandler(Problems::handleFailure);
      new ClasspathModules(vertx, functions.exposed()).mount(router);
      EventBusBridge.mount(vertx, router, options.bridge(), options.api().getAllowedOrigins(),
        options.api().getBodyLimit(), functions::isFunctionAddress);
      router.route("/assets/*").handler(StaticHandler.create("webroot").setCachingEnabled(!options.isDev()));
      router.route().last().handler(ctx -> ErrorPages.send(ctx.response(), 404,
        "There is no page at this address."));
      router.errorHandler(500, ctx -> ErrorPages.send(ctx.response(), 500,
        "Something went wrong on our side. If it keeps happening, quote this id: "
          + Problems.internalError(ctx.failure(), ctx.request().path()).toJson().getString(Problems.CORRELATION_ID)));
    }
    return router;
  }

  @Override
  public Handler<HttpServerRequest> requestHandler() {
    Router routes = router();
    RouterBypass direct;
    synchronized (this) {
      direct = bypass;
    }
    if (direct == null) return routes;
    String calls = options.api().getPrefix() + "/";
    return request -> {
      // Cheapest test first: most requests are not calls.
      if (request.path().startsWith(calls) && direct.passes(request)
        && functions.callBeforeRouter(request, direct::count)) {
        return;
      }
      routes.handle(request);
    };
  }

  @Override
  public synchronized Auth auth(Database database) {
    AuthOptions authOptions = options.auth();
    Users users = Users.inDatabase(vertx, database, authOptions);
    Auth created = auth(users, authOptions);
    if (authOptions.getAdminPassword() != null) seeded = users.ensureAdmin(authOptions.getAdminPassword()).mapEmpty();
    return created;
  }

  @Override
  public synchronized Auth auth(Accounts accounts, AuthOptions authOptions) {
    if (auth != null) throw new IllegalStateException("auth(...) was already called");
    // A Secure session cookie means TLS in front: browsers may be told to come back over HTTPS only.
    if (authOptions.isSecureCookie()) browserHeaders.strictTransportSecurity();
    // The forms are pages like the others: compiled when they can be, with the caller in their state.
    auth = authentication.signIn(router(), accounts, authOptions,
      (template, model) -> pages.render(template, model, Map.of("caller", model.get("caller"))));
    return auth;
  }

  @Override
  public VerveOptions options() {
    return options;
  }

  @Override
  public Future<Void> close() {
    DevRoutes dev;
    synchronized (this) {
      dev = devRoutes;
    }
    return dev == null ? functions.close() : Future.all(functions.close(), dev.close()).mapEmpty();
  }
}
