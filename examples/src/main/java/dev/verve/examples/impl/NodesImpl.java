package dev.verve.examples.impl;

import dev.verve.VerveOptions;
import dev.verve.examples.Nodes;
import io.vertx.core.Future;

import java.util.Locale;

public class NodesImpl implements Nodes {

  private final String name;

  public NodesImpl(VerveOptions.NodeRole role) {
    this.name = role.name().toLowerCase(Locale.ROOT) + " node, pid " + ProcessHandle.current().pid();
  }

  @Override
  public Future<String> whoami() {
    return Future.succeededFuture(name);
  }
}
