package dev.verve.examples.probe;

import dev.verve.Verve;
import dev.verve.examples.DemoVerticle;

/** The demo plus the probe functions, and {@link Absent} exposed without an implementation. */
public class ProbeVerticle extends DemoVerticle {

  @Override
  protected void configure(Verve verve) {
    super.configure(verve);
    verve.register(Probe.class, new ProbeImpl()).expose(Absent.class);
  }
}
