package ${package}.impl;

import ${package}.Greeter;
import io.vertx.core.Future;
import io.vertx.serviceproxy.ServiceException;

public class GreeterImpl implements Greeter {

  @Override
  public Future<String> greet(String name) {
    if (name == null || name.isBlank()) {
      // The code is the HTTP status; the message reaches the caller as the problem's detail.
      return ServiceException.fail(400, "Tell me whom to greet");
    }
    return Future.succeededFuture("Hello, " + name.strip() + "!");
  }
}
