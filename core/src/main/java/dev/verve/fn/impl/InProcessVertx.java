package dev.verve.fn.impl;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.VertxWrapper;

/** Vert.x with an {@link InProcessBus} for its event bus: what the proxy of a local function is given. */
final class InProcessVertx extends VertxWrapper {

  private final EventBus bus;

  InProcessVertx(VertxInternal vertx, EventBus bus) {
    super(vertx);
    this.bus = bus;
  }

  @Override
  public EventBus eventBus() {
    return bus;
  }
}
