package ${package}.impl;

import ${package}.Greeter;
import io.vertx.core.Future;
import dev.verve.fn.InvalidArguments;

public class GreeterImpl implements Greeter {

  @Override
  public Future<String> greet(String name) {
    if (name == null || name.isBlank()) {
      // A 400 naming the argument: its message is the problem's detail, and a form shows it next to the field.
      return InvalidArguments.fail("name", "Tell me whom to greet");
    }
    return Future.succeededFuture("Hello, " + name.strip() + "!");
  }
}
