package dev.verve.http;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP connections open on this node, across its verticle instances: {@code verve_http_connections}.
 * Counted per connection, not per request, so it costs the request path nothing.
 */
public final class OpenConnections implements Shareable {

  private static final String MAP = "verve.ops";
  private static final String KEY = "openConnections";

  private final AtomicInteger open = new AtomicInteger();

  private OpenConnections() {
  }

  public static OpenConnections of(Vertx vertx) {
    LocalMap<String, OpenConnections> map = vertx.sharedData().getLocalMap(MAP);
    OpenConnections created = new OpenConnections();
    OpenConnections existing = map.putIfAbsent(KEY, created);
    return existing != null ? existing : created;
  }

  public void opened() {
    open.incrementAndGet();
  }

  public void closed() {
    open.decrementAndGet();
  }

  public int count() {
    return open.get();
  }
}
