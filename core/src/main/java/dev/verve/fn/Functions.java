package dev.verve.fn;

import dev.verve.fn.impl.FunctionsImpl;
import dev.verve.http.RequestLimit;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;

/**
 * The server functions of one Verve instance, in one place: those it serves on the event bus, those it
 * exposes over HTTP, and how a call reaches them. Pages, the bridge, health and the API description all
 * read this registry; none keeps a copy.
 */
public interface Functions {

  /**
   * {@code exposeOverHttp}: interfaces registered here are also served over HTTP (a {@code web} or
   * {@code both} node); {@code runHere}: implementations registered here run here (a {@code functions} or
   * {@code both} node).
   */
  static Functions create(Vertx vertx, ApiOptions options, boolean exposeOverHttp, boolean runHere) {
    return new FunctionsImpl(vertx, options, exposeOverHttp, runHere);
  }

  /** Serves {@code implementation} at the interface's address (and exposes the interface, on a web node). */
  <T> void register(Class<T> iface, T implementation);

  /** Exposes the interface over HTTP; its calls go to whichever node serves it. */
  void expose(Class<?> iface);

  /** An event-bus proxy for the interface: this instance's own consumer when it serves it, else the cluster's. */
  <T> T proxy(Class<T> iface);

  /** The interfaces exposed over HTTP, by the name in their URLs; a live, unmodifiable view. */
  Map<String, ServiceDescriptor> exposed();

  /** Whether {@code address} belongs to a server function (hash lookups only: asked on every event-bus send). */
  boolean isFunctionAddress(String address);

  /** Completes once every function registered here is reachable on the event bus. */
  Future<Void> ready();

  /**
   * The names of the interfaces exposed here but served elsewhere that no node answered a ping for within
   * {@code timeoutMs} (the ping runs no user code); empty when all are served.
   */
  Future<List<String>> unserved(long timeoutMs);

  /** The handler of {@code <api.prefix>/*}: calls counted against {@code limit} and timed in {@code registry}. */
  Handler<RoutingContext> httpHandler(MeterRegistry registry, RequestLimit limit);

  /**
   * Takes a JSON {@code POST} to a function served over HTTP before any router sees it, and returns true;
   * anything else is left to the router (false). Same steps, limits, meters and answers as through
   * {@link #httpHandler}'s handler, which must have been made; only for a request
   * {@link dev.verve.http.RouterBypass} passes (so an anonymous caller). {@code taken} is told, before
   * anything is answered, that the call was taken.
   */
  boolean callBeforeRouter(HttpServerRequest request, Handler<HttpServerRequest> taken);

  /**
   * Unregisters every function from the event bus, then waits (up to {@code api.timeout}) for the calls this
   * instance is still serving to reply.
   */
  Future<Void> close();
}
