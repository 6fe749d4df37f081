package dev.verve.examples;

import dev.verve.Verve;
import dev.verve.VerveVerticle;
import dev.verve.examples.impl.CounterImpl;
import dev.verve.examples.impl.TodosImpl;

/** The demo: {@code mvn -pl examples -am compile exec:java}, then http://127.0.0.1:8080. */
// tag::register[]
public class DemoVerticle extends VerveVerticle {

  @Override
  protected void configure(Verve verve) {
    verve.register(Counter.class, new CounterImpl(vertx))
      .register(Todos.class, new TodosImpl());
  }
}
// end::register[]
