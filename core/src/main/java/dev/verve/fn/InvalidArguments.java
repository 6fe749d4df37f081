package dev.verve.fn;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.serviceproxy.ServiceException;

/**
 * A 400 from a function that names the argument at fault, so a form can show the message next to its
 * field: the problem details get {@code "errors": [{"argument": "title", "detail": "A todo needs a title"}]},
 * exactly like the arguments the HTTP layer refuses itself.
 *
 * <pre>{@code
 * if (title.isBlank()) return InvalidArguments.fail("title", "A todo needs a title");
 * }</pre>
 */
public final class InvalidArguments {

  private InvalidArguments() {
  }

  /** A {@code ServiceException} 400 with {@code detail} as its message and the argument in its errors. */
  public static ServiceException of(String argument, String detail) {
    return new ServiceException(400, detail, new JsonObject().put("errors",
      new JsonArray().add(new JsonObject().put("argument", argument).put("detail", detail))));
  }

  public static <T> Future<T> fail(String argument, String detail) {
    return Future.failedFuture(of(argument, detail));
  }
}
