package ${package};

import ${package}.impl.GreeterImpl;
import dev.verve.Verve;
import dev.verve.VerveVerticle;

/** The app: {@code mvn compile exec:java}, then http://127.0.0.1:8080 (see conf/config.json). */
public class App extends VerveVerticle {

  @Override
  protected void configure(Verve verve) {
    verve.register(Greeter.class, new GreeterImpl());

    // The page awaits the function through the event bus, as any other caller would, before it is sent.
    Greeter greeter = verve.proxy(Greeter.class);
    verve.page("/", "index").await("greeting", ctx -> greeter.greet("world"));
  }
}
