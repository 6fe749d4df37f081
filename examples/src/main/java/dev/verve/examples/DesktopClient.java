package dev.verve.examples;

import dev.verve.client.VerveClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The "desktop client": calls the demo's functions over HTTP through the generated Java client, which
 * implements the same {@link Counter} and {@link Todos} interfaces the server implements. With
 * {@code --user NAME} it signs in for a bearer token (the password from {@code VERVE_PASSWORD}, else
 * asked for) and lists that user's todos.
 *
 * <pre>mvn -q -pl examples -am compile exec:java -Dexec.mainClass=dev.verve.examples.DesktopClient \
 *   -Dexec.args="http://127.0.0.1:8080 --user ada"</pre>
 */
public final class DesktopClient {

  public static void main(String[] args) throws IOException {
    String serverUrl = "http://127.0.0.1:8080";
    String user = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--user") && i + 1 < args.length) user = args[++i];
      else serverUrl = args[i];
    }
    String password = user == null ? null : password(user);
    Vertx vertx = Vertx.vertx();
    VerveClient client = VerveClient.create(vertx, serverUrl);
    run(client, user, password).onComplete(ar -> {
      if (ar.failed()) {
        System.err.println("Failed: " + ar.cause().getMessage());
      }
      vertx.close().onComplete(v -> System.exit(ar.succeeded() ? 0 : 1));
    });
  }

  // tag::desktop-client[]
  static Future<Void> run(VerveClient client, String user, String password) {
    Counter counter = client.of(Counter.class);
    Todos todos = client.of(Todos.class);
    return counter.doubleServer(21)
      .compose(doubled -> {
        System.out.println("doubleServer(21) = " + doubled);
        return counter.getServerData();
      })
      .compose(data -> {
        System.out.println("getServerData() = " + data);
        if (user == null) {
          System.out.println("Todos belong to a user: run with --user <name> to list yours");
          return Future.succeededFuture();
        }
        // POST /auth/token: every later call carries "Authorization: Bearer <token>".
        return client.signIn(user, password)
          .compose(signedIn -> todos.list())
          .map(list -> {
            System.out.println(user + " has " + list.size() + " todo(s)");
            list.forEach(todo -> System.out.println("  " + todo));
            return null;
          });
      });
  }
  // end::desktop-client[]

  // VERVE_PASSWORD for scripts; else asked for without echo (or read from standard input when piped).
  private static String password(String user) throws IOException {
    String fromEnv = System.getenv("VERVE_PASSWORD");
    if (fromEnv != null) return fromEnv;
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("Password for %s: ", user);
      return typed == null ? "" : new String(typed);
    }
    System.err.print("Password for " + user + ": ");
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null ? "" : line;
  }
}
