package dev.verve.fn.impl;

import dev.verve.fn.ApiOptions;
import dev.verve.fn.Functions;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.http.RequestLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.serviceproxy.ServiceBinder;
import io.vertx.serviceproxy.ServiceException;
import io.vertx.serviceproxy.ServiceExceptionMessageCodec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

public final class FunctionsImpl implements Functions {

  private final Vertx vertx;
  private final ApiOptions options;
  private final boolean exposeOverHttp;
  private final boolean runHere;
  private final Map<String, ServiceDescriptor> exposed = new ConcurrentHashMap<>();
  private final Set<String> functionAddresses = ConcurrentHashMap.newKeySet();
  // The interface's address -> this instance's own consumer of it, for the interfaces it serves.
  private final Map<String, String> localAddresses = new ConcurrentHashMap<>();
  // The interface's address -> this instance's (wrapped) implementation, for stream functions read in process.
  private final Map<String, Object> localImplementations = new ConcurrentHashMap<>();
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final InFlight inFlight = new InFlight();
  private final LocalFunctions localFunctions;
  private final StreamServer streams;
  private final StreamWriters writers = new StreamWriters();
  private final Predicate<String> forwardTo = this::isFunctionAddress;
  // The router's handler of calls, which the calls taken before the router go through too.
  private volatile FunctionHandler httpHandler;

  public FunctionsImpl(Vertx vertx, ApiOptions options, boolean exposeOverHttp, boolean runHere) {
    this.vertx = Objects.requireNonNull(vertx);
    this.options = Objects.requireNonNull(options);
    this.exposeOverHttp = exposeOverHttp;
    this.runHere = runHere;
    this.localFunctions = new LocalFunctions(options.getTimeoutMs());
    this.streams = new StreamServer(vertx, options.getStreamIdleTimeoutMs());
    registerServiceExceptionCodec(vertx);
    CallerForwarding.install(vertx, forwardTo);
  }

  @Override
  public <T> void register(Class<T> iface, T implementation) {
    Objects.requireNonNull(implementation, "implementation");
    ServiceDescriptor descriptor = exposeOverHttp ? add(iface) : ServiceDescriptor.of(iface);
    addAddresses(descriptor);
    if (!runHere) return;
    checkStreamsImplemented(descriptor, implementation);
    T safe = SafeService.wrap(iface, implementation, inFlight);
    // The access rule and the arguments are checked here, where the function runs, whatever way the call
    // came in; the ping (readiness of the web nodes) is answered first, before them.
    CallCheck check = new CallCheck(descriptor);
    consumers.add(new ServiceBinder(vertx).setAddress(descriptor.address()).addInterceptor(new Ping())
      .addInterceptor(check).register(iface, safe));
    // A second, node-local address on this verticle's event loop: calls arriving here (pages, proxy())
    // skip the round-robin across instances and nodes, and the thread hop it costs.
    String local = descriptor.address() + ".local." + UUID.randomUUID();
    consumers.add(new ServiceBinder(vertx).setAddress(local).addInterceptor(check).registerLocal(iface, safe));
    localAddresses.put(descriptor.address(), local);
    localImplementations.put(descriptor.address(), safe);
    MessageConsumer<JsonObject> streamOpens = streams.register(descriptor, safe);
    if (streamOpens != null) consumers.add(streamOpens);
    // And HTTP calls arriving on this event loop reach the same handler without the event bus.
    localFunctions.add(vertx, descriptor, iface, safe);
  }

  @Override
  public void expose(Class<?> iface) {
    add(iface);
  }

  private ServiceDescriptor add(Class<?> iface) {
    ServiceDescriptor descriptor = ServiceDescriptor.of(iface);
    ServiceDescriptor previous = exposed.putIfAbsent(descriptor.name(), descriptor);
    addAddresses(descriptor);
    if (previous != null && previous.iface() != iface) {
      throw new IllegalStateException("Two @ServerFunctions interfaces are named " + descriptor.name() + " ("
        + previous.iface().getName() + ", " + iface.getName() + "): URLs use the simple name, rename one");
    }
    return descriptor;
  }

  @Override
  public <T> T proxy(Class<T> iface) {
    ServiceDescriptor descriptor = ServiceDescriptor.of(iface);
    addAddresses(descriptor); // so that its calls carry the current caller
    String local = localAddresses.get(descriptor.address());
    // Registered in this verticle: its calls from this event loop (a page's, a function's) run in process.
    Vertx seen = local == null ? vertx
      : new InProcessVertx((VertxInternal) vertx, new InProcessBus(vertx.eventBus(), local, descriptor, localFunctions));
    return VerveProxies.create(seen, iface, addressOf(descriptor),
      new DeliveryOptions().setSendTimeout(options.getTimeoutMs()));
  }

  // Calls to these addresses carry the current caller (CallerForwarding).
  private void addAddresses(ServiceDescriptor descriptor) {
    functionAddresses.add(descriptor.address());
    functionAddresses.add(StreamSettings.openAddress(descriptor.address()));
  }

  // The interface's default body of a stream function only says it is declared: the implementation must
  // override it, or every call would fail. Caught at start, naming the function.
  private static void checkStreamsImplemented(ServiceDescriptor descriptor, Object implementation) {
    for (MethodDescriptor method : descriptor.methods()) {
      if (!method.isStream()) continue;
      boolean overridden = false;
      for (java.lang.reflect.Method m : implementation.getClass().getMethods()) {
        if (m.getName().equals(method.name()) && !m.getDeclaringClass().isInterface()) overridden = true;
      }
      if (!overridden) {
        throw new IllegalStateException(implementation.getClass().getName() + " does not implement the stream function "
          + descriptor.name() + "." + method.name() + ": override the interface's default method");
      }
    }
  }

  /** This instance's implementation of {@code service} (it runs on this event loop), or null. */
  Object localImplementation(ServiceDescriptor service) {
    return localImplementations.get(service.address());
  }

  /** The HTTP answers of streams open on this node. */
  StreamWriters writers() {
    return writers;
  }


  @Override
  public Map<String, ServiceDescriptor> exposed() {
    return Collections.unmodifiableMap(exposed);
  }

  /** Where to send a call: this instance's own consumer if it serves the interface, else the cluster's. */
  String addressOf(ServiceDescriptor service) {
    String local = localAddresses.get(service.address());
    return local != null ? local : service.address();
  }

  // On every event-bus send (caller forwarding), so hash lookups only: replies and publications are out
  // after one miss.
  @Override
  public boolean isFunctionAddress(String address) {
    if (functionAddresses.contains(address)) return true;
    int local = address.indexOf(".local.");
    return local > 0 && functionAddresses.contains(address.substring(0, local));
  }

  @Override
  public Future<Void> ready() {
    List<Future<Void>> registrations = new ArrayList<>();
    for (MessageConsumer<JsonObject> consumer : consumers) registrations.add(consumer.completion());
    return Future.all(registrations).mapEmpty();
  }

  @Override
  public Future<List<String>> unserved(long timeoutMs) {
    List<ServiceDescriptor> elsewhere = new ArrayList<>();
    for (ServiceDescriptor service : exposed.values()) {
      if (!localAddresses.containsKey(service.address())) elsewhere.add(service);
    }
    List<Future<Void>> pings = new ArrayList<>(elsewhere.size());
    for (ServiceDescriptor service : elsewhere) {
      pings.add(Ping.send(vertx.eventBus(), service.address(), timeoutMs));
    }
    return Future.join(pings).transform(ar -> {
      List<String> unserved = new ArrayList<>();
      for (int i = 0; i < elsewhere.size(); i++) {
        if (pings.get(i).failed()) unserved.add(elsewhere.get(i).name());
      }
      return Future.succeededFuture(unserved);
    });
  }

  @Override
  public Handler<RoutingContext> httpHandler(MeterRegistry registry, RequestLimit limit) {
    FunctionHandler handler = new FunctionHandler(vertx, this, localFunctions, options, registry, limit,
      RequestLimit.of(vertx, "bodies", options.getMaxBodiesInFlight()), RequestLimit.of(vertx, "streams", options.getMaxStreams()));
    httpHandler = handler;
    return handler;
  }

  @Override
  public boolean callBeforeRouter(HttpServerRequest request, Handler<HttpServerRequest> taken) {
    FunctionHandler handler = httpHandler;
    return handler != null && handler.takeDirect(request, taken);
  }

  @Override
  public Future<Void> close() {
    CallerForwarding.uninstall(vertx, forwardTo);
    writers.shutDown();
    streams.shutDown();
    localFunctions.unregister();
    List<Future<Void>> closing = new ArrayList<>();
    for (MessageConsumer<JsonObject> consumer : consumers) closing.add(consumer.unregister());
    consumers.clear();
    localAddresses.clear();
    localImplementations.clear();
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
