package dev.verve.examples.browser;

import dev.verve.Verve;
import dev.verve.ops.VerveMetrics;
import dev.verve.examples.DemoVerticle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo app plus what the browser tests need: the HTML pages of {@code src/test/resources/fixtures/}
 * at {@code /fixtures/}, a count of the requests to {@code /api/}, a route that answers 200 with HTML
 * where JSON is expected ({@code /not-json/*}), and a second, instrumented event-bus bridge at
 * {@value #TEST_BUS} (test-only: it counts registrations and can drop every socket).
 */
public class FixtureVerticle extends DemoVerticle {

  /** The instrumented bridge; pages reach it with {@code configure({ eventBusUrl })}. */
  public static final String TEST_BUS = "/test-bus";
  /** Reaches the browser through the product bridge at /eventbus (see {@link #defaults()}). */
  public static final String DEFAULT_BUS_ADDRESS = "test.default";
  /** The changes of the {@code /live-list} page's list (upserts and removals by id). */
  public static final String LIVE_ADDRESS = "test.live";

  final Map<String, AtomicInteger> registrations = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> unregistrations = new ConcurrentHashMap<>();
  final Set<SockJSSocket> sockets = ConcurrentHashMap.newKeySet();
  final AtomicInteger pings = new AtomicInteger();
  final LinkedBlockingQueue<Object> published = new LinkedBlockingQueue<>();

  @Override
  protected void configure(Verve verve) {
    super.configure(verve);
    Router router = verve.router();
    // The fixtures are test harnesses with inline scripts of their own; the app's pages keep the policy.
    router.route("/fixtures/*").handler(ctx -> {
      ctx.response().headers().remove("Content-Security-Policy");
      ctx.next();
    }).handler(StaticHandler.create("fixtures").setCachingEnabled(false));
    // The todos page's template, its list kept live from an event-bus address (no stream, no sign-in).
    verve.page("/live-list", "todos").value("todos", new JsonArray()
        .add(new JsonObject().put("id", 1).put("title", "one").put("done", false))
        .add(new JsonObject().put("id", 2).put("title", "two").put("done", false)))
      .live("todos", "id", LIVE_ADDRESS);
    router.post("/not-json/*").handler(ctx -> ctx.response()
      .putHeader("Content-Type", "text/html").end("<p>not JSON</p>"));

    SockJSBridgeOptions bridge = new SockJSBridgeOptions()
      .addOutboundPermitted(new PermittedOptions().setAddressRegex("test\\.out\\..+"))
      .addInboundPermitted(new PermittedOptions().setAddress("test.echo"))
      .addInboundPermitted(new PermittedOptions().setAddress("test.fail"))
      .addInboundPermitted(new PermittedOptions().setAddress("test.in"));
    router.route(TEST_BUS + "/*").subRouter(SockJSHandler.create(vertx).bridge(bridge, event -> {
      switch (event.type()) {
        case SOCKET_CREATED:
          sockets.add(event.socket());
          break;
        case SOCKET_CLOSED:
          sockets.remove(event.socket());
          break;
        case REGISTERED:
          registrations.computeIfAbsent(event.getRawMessage().getString("address"), a -> new AtomicInteger())
            .incrementAndGet();
          break;
        case SOCKET_PING:
          pings.incrementAndGet();
          break;
        case UNREGISTER:
          unregistrations.computeIfAbsent(event.getRawMessage().getString("address"), a -> new AtomicInteger())
            .incrementAndGet();
          break;
        default:
      }
      event.complete(true);
    }));
    vertx.eventBus().<Object>consumer("test.echo", m -> m.reply(new JsonObject().put("echo", m.body())));
    vertx.eventBus().consumer("test.fail", m -> m.fail(42, "no can do"));
    vertx.eventBus().<Object>consumer("test.in", m -> published.add(m.body()));
  }

  @Override
  protected JsonObject defaults() {
    JsonObject defaults = super.defaults();
    JsonArray outbound = defaults.getJsonArray("eventbus.outbound", new JsonArray()).copy().add(DEFAULT_BUS_ADDRESS).add(LIVE_ADDRESS);
    return defaults.put("eventbus.outbound", outbound);
  }

  /**
   * The calls to the function at {@code path} ({@code /api/<Interface>/<method>}) this server answered, as
   * its own meter counts them: an anonymous call does not go through the router, so a route cannot.
   */
  int apiRequests(String path) {
    String[] parts = path.split("/");
    return calls(VerveMetrics.registry(vertx).find("verve.function.calls").tag("interface", parts[2]).tag("method", parts[3]));
  }

  /** Every function call this server answered. */
  int apiRequests() {
    return calls(VerveMetrics.registry(vertx).find("verve.function.calls"));
  }

  private static int calls(io.micrometer.core.instrument.search.Search search) {
    return (int) search.timers().stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
  }

  int registrations(String address) {
    AtomicInteger n = registrations.get(address);
    return n == null ? 0 : n.get();
  }

  /** Unregister frames and registrations ended by a closed socket. */
  int unregistrations(String address) {
    AtomicInteger n = unregistrations.get(address);
    return n == null ? 0 : n.get();
  }

  /** Closes every socket of the test bridge from the server side. */
  void dropSockets() {
    sockets.forEach(SockJSSocket::close);
  }
}
