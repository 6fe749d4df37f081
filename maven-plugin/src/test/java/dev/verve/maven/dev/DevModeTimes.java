package dev.verve.maven.dev;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A benchmark, not a test: save-to-answer times of dev mode over 20 edits of each kind, on the starter.
 * {@code mvn -pl maven-plugin test -Dtest=DevModeTimes -Dverve.devTimes=true}
 */
@EnabledIfSystemProperty(named = "verve.devTimes", matches = "true")
class DevModeTimes {

  private static final int EDITS = 20;

  @TempDir
  Path temp;

  @Test
  void saveToAnswer() throws Exception {
    Starter starter = new Starter(temp.resolve("starter"));
    Vertx vertx = DevMain.vertx();
    DevMode dev = DevMode.start(vertx, starter.settings, new PrintStream(new ByteArrayOutputStream(), true,
      StandardCharsets.UTF_8));
    WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(starter.port));
    try {
      List<Long> body = new ArrayList<>();
      String word = "Hello";
      for (int i = 0; i < EDITS; i++) {
        String next = "Hi" + i;
        Starter.edit(starter.java("impl/GreeterImpl.java"), "\"" + word + ", \"", "\"" + next + ", \"");
        word = next;
        String expected = "\"" + next + ", Ada!\"";
        body.add(until(() -> post(http, "/api/Greeter/greet"), expected::equals));
      }
      List<Long> template = new ArrayList<>();
      String heading = "<h2>Your notes</h2>";
      for (int i = 0; i < EDITS; i++) {
        String next = "<h2>Your notes " + i + "</h2>";
        Starter.edit(starter.resource("templates/index.hbs"), heading, next);
        heading = next;
        String expected = next;
        template.add(until(() -> get(http, "/"), page -> page.contains(expected)));
      }
      List<Long> signature = new ArrayList<>();
      for (int i = 0; i < EDITS; i++) {
        String method = "echo" + i;
        Starter.edit(starter.java("Greeter.java"), "  Future<String> greet(String name);",
          "  Future<String> greet(String name);\n\n  Future<String> " + method + "(String name);");
        Starter.edit(starter.java("impl/GreeterImpl.java"), "  @Override\n  public Future<String> greet(",
          "  @Override\n  public Future<String> " + method + "(String name) {\n    return Future.succeededFuture(name);\n  }\n\n"
            + "  @Override\n  public Future<String> greet(");
        signature.add(until(() -> post(http, "/api/Greeter/" + method), "\"Ada\""::equals));
      }
      System.out.println("[dev mode times] " + EDITS + " edits each, save to answer, ms: body change " + summary(body)
        + "; interface change " + summary(signature) + "; template change " + summary(template));
    } finally {
      dev.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static String post(WebClient http, String path) throws Exception {
    return http.post(path).putHeader("Content-Type", "application/json")
      .sendBuffer(new JsonObject().put("name", "Ada").toBuffer())
      .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).bodyAsString();
  }

  private static String get(WebClient http, String path) throws Exception {
    HttpResponse<Buffer> response = http.get(path).send().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return response.bodyAsString();
  }

  private static long until(DevModeTest.ThrowingSupplier<String> answer, Predicate<String> passes) throws Exception {
    long start = System.nanoTime();
    while (true) {
      try {
        if (passes.test(answer.get())) return (System.nanoTime() - start) / 1_000_000;
      } catch (Exception retry) {
        // Between generations: asked again.
      }
      if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(60)) throw new AssertionError("not served within 60 s");
      Thread.sleep(5);
    }
  }

  private static String summary(List<Long> times) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    return "median " + sorted.get(sorted.size() / 2) + ", max " + sorted.get(sorted.size() - 1);
  }
}
