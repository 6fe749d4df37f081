package dev.verve.examples.impl;

import dev.verve.VerveOptions;
import dev.verve.examples.Nodes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.streams.ReadStream;
import dev.verve.fn.InvalidArguments;

import java.util.Locale;

public class NodesImpl implements Nodes {

  private final Vertx vertx;
  private final String name;

  public NodesImpl(Vertx vertx, VerveOptions.NodeRole role) {
    this.vertx = vertx;
    this.name = role.name().toLowerCase(Locale.ROOT) + " node, pid " + ProcessHandle.current().pid();
  }

  @Override
  public Future<String> whoami() {
    return Future.succeededFuture(name);
  }

  @Override
  public Future<ReadStream<String>> watch(int everyMs) {
    if (everyMs < 50 || everyMs > 60_000) {
      return InvalidArguments.fail("everyMs", "Between 50 and 60000 ms, not " + everyMs);
    }
    return Future.succeededFuture(new Ticks<>(vertx, everyMs, () -> name));
  }
}
