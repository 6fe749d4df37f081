package dev.verve.impl;

import dev.verve.Verve;
import dev.verve.VerveOptions;
import dev.verve.auth.Accounts;
import dev.verve.auth.Auth;
import dev.verve.auth.AuthOptions;
import dev.verve.auth.impl.AccessInterceptor;
import dev.verve.auth.impl.AuthImpl;
import dev.verve.auth.impl.CallerHandler;
import dev.verve.auth.impl.SessionGate;
import dev.verve.auth.impl.CallerForwarding;
import dev.verve.bus.impl.EventBusBridge;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.fn.impl.ArgumentsInterceptor;
import dev.verve.fn.impl.FunctionHandler;
import dev.verve.fn.impl.InFlight;
import dev.verve.fn.impl.LocalFunctions;
import dev.verve.fn.impl.SafeService;
import dev.verve.http.impl.FramingGuard;
import dev.verve.http.impl.HostGuard;
import dev.verve.http.impl.HttpProblem;
import dev.verve.http.impl.OriginGuard;
import dev.verve.http.impl.Problems;
import dev.verve.openapi.impl.OpenApiRoutes;
import dev.verve.ops.impl.Meters;
import dev.verve.ops.impl.OpsRoutes;
import dev.verve.ops.impl.Ping;
import dev.verve.ops.impl.Readiness;
import dev.verve.page.Page;
import dev.verve.page.impl.ErrorPages;
import dev.verve.page.impl.HandlebarsEngine;
import dev.verve.page.impl.PageImpl;
import dev.verve.page.impl.PageRenderer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.LoggerFormat;
import io.vertx.ext.web.handler.LoggerHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.serviceproxy.ServiceExceptionMessageCodec;
import io.vertx.serviceproxy.ServiceProxyBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

public final class VerveImpl implements Verve {

  private final Vertx vertx;
  private final VerveOptions options;
  private final Map<String, ServiceDescriptor> services = new ConcurrentHashMap<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final Predicate<String> forwardTo = this::isServiceAddress;
  private final InFlight inFlight = new InFlight();
  private final java.util.Set<String> functionAddresses = ConcurrentHashMap.newKeySet();
  private final Map<String, String> localAddresses = new ConcurrentHashMap<>();
  private final LocalFunctions localFunctions;
  private final SessionGate sessionGate;
  private final CallerHandler callerHandler = new CallerHandler();
  private final Meters meters;
  private final Readiness readiness;
  private AuthImpl auth;
  private Router router;
  private PageRenderer templates;

  public VerveImpl(Vertx vertx, VerveOptions options) {
    this.vertx = Objects.requireNonNull(vertx);
    this.options = Objects.requireNonNull(options);
    this.sessionGate = new SessionGate(vertx);
    this.localFunctions = new LocalFunctions(options.getTimeoutMs());
    registerServiceExceptionCodec(vertx);
    CallerForwarding.install(vertx, forwardTo);
    this.meters = new Meters(vertx, options.getMaxInFlight());
    this.readiness = new Readiness(vertx, this::ready, this::servedElsewhere);
  }

  @Override
  public <T> Verve register(Class<T> iface, T implementation) {
    Objects.requireNonNull(implementation, "implementation");
    ServiceDescriptor descriptor = options.getRole().servesHttp() ? add(iface) : ServiceDescriptor.of(iface);
    functionAddresses.add(descriptor.address());
    if (options.getRole().runsFunctions()) {
      T safe = SafeService.wrap(iface, implementation, inFlight);
      // The access rules are enforced here, where the function runs, whatever way the call came in.
      AccessInterceptor access = new AccessInterceptor(descriptor);
      // And so are the arguments' types, checked again whoever sent them.
      ArgumentsInterceptor arguments = new ArgumentsInterceptor(descriptor);
      // The ping (readiness of the web nodes) is answered first, before the caller and the access rule.
      consumers.add(new ServiceBinder(vertx).setAddress(descriptor.address()).addInterceptor(new Ping())
        .addInterceptor(access).addInterceptor(arguments).register(iface, safe));
      // A second, node-local address on this verticle's event loop: calls arriving here (HTTP, pages,
      // proxy()) skip the round-robin across instances and nodes, and the thread hop it costs.
      String local = descriptor.address() + ".local." + UUID.randomUUID();
      consumers.add(new ServiceBinder(vertx).setAddress(local).addInterceptor(access).addInterceptor(arguments)
        .registerLocal(iface, safe));
      localAddresses.put(descriptor.address(), local);
      // And HTTP calls arriving on this event loop reach the same handler without the event bus.
      localFunctions.add(vertx, descriptor, iface, safe);
    }
    return this;
  }

  @Override
  public Verve expose(Class<?> iface) {
    add(iface);
    return this;
  }

  private ServiceDescriptor add(Class<?> iface) {
    ServiceDescriptor descriptor = ServiceDescriptor.of(iface);
    ServiceDescriptor previous = services.putIfAbsent(descriptor.name(), descriptor);
    functionAddresses.add(descriptor.address());
    if (previous != null && previous.iface() != iface) {
      throw new IllegalStateException("Two @ServerFunctions interfaces are named " + descriptor.name() + " ("
        + previous.iface().getName() + ", " + iface.getName() + "): URLs use the simple name, rename one");
    }
    return descriptor;
  }

  @Override
  public <T> T proxy(Class<T> iface) {
    ServiceDescriptor descriptor = ServiceDescriptor.of(iface);
    functionAddresses.add(descriptor.address()); // so that its calls carry the current caller
    return new ServiceProxyBuilder(vertx)
      .setAddress(addressOf(descriptor))
      .setOptions(new DeliveryOptions().setSendTimeout(options.getTimeoutMs()))
      .build(iface);
  }

  @Override
  public Future<Void> ready() {
    List<Future<Void>> registrations = new ArrayList<>();
    for (MessageConsumer<JsonObject> consumer : consumers) registrations.add(consumer.completion());
    return Future.all(registrations).mapEmpty();
  }

  @Override
  public Verve readiness(String name, java.util.function.Supplier<Future<?>> check) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
    readiness.add(name, check);
    return this;
  }

  // Interfaces exposed here whose functions run on other nodes: readiness asks the cluster for them.
  private List<ServiceDescriptor> servedElsewhere() {
    List<ServiceDescriptor> elsewhere = new ArrayList<>();
    for (ServiceDescriptor service : services.values()) {
      if (!localAddresses.containsKey(service.address())) elsewhere.add(service);
    }
    return elsewhere;
  }

  @Override
  public Page page(String path, String template) {
    PageImpl page = new PageImpl(template, templates(), options.getTimeoutMs(), options.isDev(),
      meters.page(template), meters.limit());
    router().get(path).handler(page);
    return page;
  }

  private synchronized PageRenderer templates() {
    if (templates == null) {
      HandlebarsEngine engine = new HandlebarsEngine(vertx, options.getTemplateRoot(), options.isDev());
      templates = new PageRenderer(vertx, engine, options.getTemplateRoot(), options.isDev());
    }
    return templates;
  }

  @Override
  public synchronized Router router() {
    if (router == null) {
      router = Router.router(vertx);
      // vertx-web's logger is a platform handler, which must come first on its route.
      if (options.isDev()) {
        router.route().handler(LoggerHandler.create(LoggerFormat.TINY));
      }
      // Before anything reads a header or a byte of the body: a host this server answers for, and a body
      // whose length cannot be read two ways. Then who is asking, before anything else: functions, pages
      // and the bridge all act for this caller. One route with several handlers, matched once per request.
      router.route().handler(new HostGuard(options)).handler(new FramingGuard())
        .handler(sessionGate).handler(callerHandler);
      OpsRoutes.mount(vertx, router, options, readiness.checks(), meters.registry());
      // The document before the functions: their handler answers every other path under the prefix.
      new OpenApiRoutes(vertx, services, options.getApiPrefix(), AuthImpl.SESSION_COOKIE).mount(router, options.isDev());
      mountFunctions(router);
      new ClasspathModules(vertx, services).mount(router);
      EventBusBridge.mount(vertx, router, options, this::isServiceAddress);
      router.route("/assets/*").handler(StaticHandler.create("webroot").setCachingEnabled(!options.isDev()));
      router.route().last().handler(ctx -> ErrorPages.send(ctx.response(), 404,
        "There is no page at this address."));
      router.errorHandler(500, ctx -> ErrorPages.send(ctx.response(), 500,
        "Something went wrong on our side. If it keeps happening, quote this id: "
          + Problems.internalError(ctx.failure(), ctx.request().path()).toJson().getString("correlationId")));
    }
    return router;
  }

  // Order matters: origin and method/type checks happen before a single body byte is read.
  private void mountFunctions(Router router) {
    String prefix = options.getApiPrefix();
    router.route(prefix + "/*").handler(new OriginGuard(options.getAllowedOrigins()))
      .handler(new FunctionHandler(vertx, services, this::addressOf, localFunctions, options, meters));
    router.route(prefix + "/*").failureHandler(Problems::handleFailure);
  }

  /** Where to send a call: this instance's own consumer if it serves the interface, else the cluster's. */
  private String addressOf(ServiceDescriptor service) {
    String local = localAddresses.get(service.address());
    return local != null ? local : service.address();
  }

  // On every event-bus send (caller forwarding), so hash lookups only: replies and publications are out
  // after one miss.
  private boolean isServiceAddress(String address) {
    if (functionAddresses.contains(address)) return true;
    int local = address.indexOf(".local.");
    return local > 0 && functionAddresses.contains(address.substring(0, local));
  }


  @Override
  public synchronized Auth auth(Accounts accounts, AuthOptions authOptions) {
    if (auth != null) throw new IllegalStateException("auth(...) was already called");
    // The forms are pages like the others: compiled when they can be, with the caller in their state.
    auth = new AuthImpl(vertx, authOptions, accounts,
      (model, name) -> templates().render(name, model, Map.of("caller", model.get("caller"))));
    auth.mount(router(), sessionGate, callerHandler);
    return auth;
  }

  @Override
  public VerveOptions options() {
    return options;
  }

  @Override
  public Future<Void> close() {
    CallerForwarding.uninstall(vertx, forwardTo);
    localFunctions.unregister();
    List<Future<Void>> closing = new ArrayList<>();
    for (MessageConsumer<JsonObject> consumer : consumers) closing.add(consumer.unregister());
    consumers.clear();
    localAddresses.clear();
    // No new call reaches this instance once its consumers are unregistered; the calls it is serving
    // (for any node of the cluster) still get their replies before the event bus closes. Past
    // api.timeout their callers have given up, so there is no point waiting longer.
    return Future.all(closing).transform(ar -> inFlight.whenIdle(vertx, options.getTimeoutMs()))
      .andThen(ar -> localFunctions.close());
  }

  // A node that only exposes functions still decodes ServiceException replies coming from the cluster.
  private static void registerServiceExceptionCodec(Vertx vertx) {
    try {
      vertx.eventBus().registerDefaultCodec(ServiceException.class, new ServiceExceptionMessageCodec());
    } catch (IllegalStateException alreadyRegistered) {
      // ServiceBinder or another Verve instance did it first.
    }
  }
}
