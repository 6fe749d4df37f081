package dev.verve.examples;

import dev.verve.client.VerveClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The "desktop client": calls the demo's functions over HTTP through the generated Java client, which
 * implements the same {@link Counter} and {@link Todos} interfaces the server implements.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=dev.verve.examples.DesktopClient -Dexec.args=http://127.0.0.1:8080</pre>
 */
public final class DesktopClient {

  public static void main(String[] args) {
    String serverUrl = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
    Vertx vertx = Vertx.vertx();
    VerveClient client = VerveClient.create(vertx, serverUrl);
    run(client).onComplete(ar -> {
      if (ar.failed()) {
        System.err.println("Failed: " + ar.cause().getMessage());
      }
      vertx.close().onComplete(v -> System.exit(ar.succeeded() ? 0 : 1));
    });
  }

  // tag::desktop-client[]
  static Future<Void> run(VerveClient client) {
    Counter counter = client.of(Counter.class);
    Todos todos = client.of(Todos.class);
    return counter.doubleServer(21)
      .compose(doubled -> {
        System.out.println("doubleServer(21) = " + doubled);
        return counter.getServerData();
      })
      .compose(data -> {
        System.out.println("getServerData() = " + data);
        return todos.add("Call Verve from the desktop");
      })
      .compose(todo -> {
        System.out.println("add(...) = " + todo);
        return todos.list();
      })
      .map(list -> {
        System.out.println("list() has " + list.size() + " todo(s)");
        return null;
      });
  }
  // end::desktop-client[]
}
