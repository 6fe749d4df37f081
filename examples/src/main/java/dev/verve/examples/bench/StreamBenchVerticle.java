package dev.verve.examples.bench;

import dev.verve.Verve;
import dev.verve.VerveVerticle;
import dev.verve.examples.Counter;
import dev.verve.examples.impl.CounterImpl;

/**
 * The stream benchmark's Verve side (examples/bench/stream.sh): the demo's {@code Counter} alone, no database,
 * so that what is measured is the stream.
 */
public class StreamBenchVerticle extends VerveVerticle {

  @Override
  protected void configure(Verve verve) {
    // On a web node (node.role=web) only exposed: the function node of the cluster serves it.
    verve.register(Counter.class, new CounterImpl(vertx));
  }
}
