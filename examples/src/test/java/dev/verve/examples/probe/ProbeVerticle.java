package dev.verve.examples.probe;

import dev.verve.Verve;
import dev.verve.examples.Counter;
import dev.verve.examples.DemoVerticle;
import dev.verve.examples.Todos;

/** The demo plus the probe functions, and {@link Absent} exposed without an implementation. */
public class ProbeVerticle extends DemoVerticle {

  @Override
  protected void configure(Verve verve) {
    super.configure(verve);
    verve.register(Probe.class, new ProbeImpl()).expose(Absent.class);
    verve.register(Who.class, new WhoImpl(vertx, database().pool(), verve.proxy(Counter.class), verve.proxy(Todos.class)));
    Probe probe = verve.proxy(Probe.class);
    Who who = verve.proxy(Who.class);
    verve.page("/probe/who", "server-data").await("data", ctx -> who.me());
    verve.page("/probe/admin", "server-data").rolesAllowed("admin").await("data", ctx -> who.me());
    // For bridge tests: replies with what it gets, or fails when asked to.
    vertx.eventBus().<Object>consumer("probe.echo", m -> {
      if ("fail".equals(m.body())) m.fail(418, "teapot");
      else m.reply(m.body());
    });
    verve.page("/probe/missing", "server-data").await("data", ctx -> probe.failWith(404, "No such thing"));
    verve.page("/probe/crash", "server-data").await("data", ctx -> probe.crash("hunter2"));
    verve.page("/probe/slow", "server-data").await("data", ctx -> probe.hang()).timeout(300);
    verve.page("/probe/echo", "server-data").await("data", ctx -> probe.echo(ctx.request().getParam("text", "")));
  }
}
