package dev.verve.page;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Function;

/**
 * A server-rendered page: a Handlebars template rendered once its named server futures have resolved
 * (Dioxus's {@code use_server_future}). The resolved values are in the template context under their
 * names and embedded in the page as {@code <script type="application/json" id="verve-state">}, so the
 * browser runtime hydrates from them without calling the server again.
 *
 * <pre>{@code
 * verve.page("/server-data", "server-data")
 *   .await("data", ctx -> counter.getServerData());
 * }</pre>
 *
 * A future failing with a {@code ServiceException} with an HTTP code gives the page of that status, any
 * other failure the 500 page, and no result within the page's timeout the 504 page: never half a page.
 * Every page also has {@code caller} ({@code signedIn}, {@code name}, {@code roles}) in its context and
 * state, and its sources call functions as that caller.
 */
public interface Page {

  /** Starts {@code source} for every request (all sources together) and waits for it before rendering. */
  Page await(String name, Function<RoutingContext, Future<?>> source);

  /** A fixed value, in the context and the state like an awaited one. */
  Page value(String name, Object value);

  /**
   * Leaves a value to the browser (Dioxus's {@code use_resource}): after hydration the runtime calls
   * {@code iface.method(args)} over HTTP and sets {@code name}; until then it is undefined.
   */
  Page resource(String name, Class<?> iface, String method, JsonObject args);

  default Page resource(String name, Class<?> iface, String method) {
    return resource(name, iface, method, new JsonObject());
  }

  /**
   * Keeps {@code name} live in the browser: every message published on the event-bus {@code address}
   * (which must be permitted outbound, see {@code eventbus.outbound}) replaces its value.
   */
  Page subscribe(String name, String address);

  /**
   * Keeps the list value {@code name} (awaited or fixed, declared before) live in the browser from a stream
   * function: the rows the server rendered stay, and each item of {@code iface.method(args)} is a change
   * applied by the items' {@code key} member: {@code {"upsert": item}} adds an item whose key is new or
   * replaces the row of its key, {@code {"remove": key}} removes a row, any other item is an upsert of itself.
   * The same change arriving twice shows once. The stream is opened again after it ends or fails (not after
   * a refusal).
   */
  Page live(String name, String key, Class<?> iface, String method, JsonObject args);

  default Page live(String name, String key, Class<?> iface, String method) {
    return live(name, key, iface, method, new JsonObject());
  }

  /**
   * Keeps the list value {@code name} live from the event-bus {@code address} (permitted outbound, see
   * {@code eventbus.outbound}): each message is a change, as for {@link #live(String, String, Class, String, JsonObject)}.
   */
  Page live(String name, String key, String address);

  /** How long the awaited futures may take before the page answers 504; default {@code api.timeout}. */
  Page timeout(long timeoutMs);

  /** Anyone may see the page (the default). */
  Page anonymousAllowed();

  /** Signed-in users only: an anonymous visitor is sent (303) to {@code /login?returnTo=<this page>}. */
  Page permitAll();

  /** Users with one of these roles: anonymous visitors are sent to sign in, other users get the 403 page. */
  Page rolesAllowed(String... roles);

  /** Nobody: the 403 page. */
  Page denyAll();
}
