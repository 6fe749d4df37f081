package dev.verve.devmode;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;

/**
 * What dev mode's runner ({@code mvn verve:dev}) tells the running app. The runner and every generation of
 * the app share one Vert.x, so this lives in its local shared data: the generation serving now, and the
 * compile or start failure of the last change, which pages show instead of themselves until it is fixed.
 * Browsers follow through {@code GET /verve/dev/events} (dev mode only).
 */
public final class DevStatus {

  /** Local event-bus address: a message here makes every open page reload (a template or a stylesheet changed). */
  public static final String RELOAD_ADDRESS = "verve.dev.reload";

  private static final String MAP = "verve.dev";
  private static final String GENERATION = "generation";
  private static final String FAILURE = "failure";

  private DevStatus() {
  }

  /** The generation of the app serving now: 0 until a runner counts them. */
  public static long generation(Vertx vertx) {
    Object generation = map(vertx).get(GENERATION);
    return generation instanceof Long ? (Long) generation : 0;
  }

  /** Generation {@code generation} serves from now on; the failure, if there was one, is over. */
  public static void served(Vertx vertx, long generation) {
    LocalMap<String, Object> map = map(vertx);
    map.put(GENERATION, generation);
    map.remove(FAILURE);
  }

  /**
   * The last change did not make it: {@code title} (e.g. "Compile error") and the compiler's or the start's
   * own text, with files and lines, shown in place of pages. The last good generation keeps serving functions.
   */
  public static void failed(Vertx vertx, String title, String text) {
    map(vertx).put(FAILURE, new JsonObject().put("title", title).put("text", text));
  }

  /** The failure shown in place of pages, {@code title} and {@code text}; null when there is none. */
  public static JsonObject failure(Vertx vertx) {
    return (JsonObject) map(vertx).get(FAILURE);
  }

  /** Every open page of the app reloads itself. */
  public static void reloadPages(Vertx vertx) {
    vertx.eventBus().publish(RELOAD_ADDRESS, generation(vertx));
  }

  private static LocalMap<String, Object> map(Vertx vertx) {
    return vertx.sharedData().getLocalMap(MAP);
  }
}
