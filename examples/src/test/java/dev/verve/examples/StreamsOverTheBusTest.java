package dev.verve.examples;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.TestServer.await;

/**
 * The same tests with the functions on a verticle of their own ({@code node.role=functions}) and HTTP on a
 * {@code web} one: every stream crosses the event bus, with its credits, heartbeats and cancellation.
 */
@ExtendWith(NoBlockedThreads.class)
class StreamsOverTheBusTest extends StreamsTest {

  @Override
  TestServer startServer(JsonObject config) {
    JsonObject shared = config.copy()
      .put("db.url", "jdbc:h2:mem:streams-over-the-bus-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
      .put("auth.passwordIterations", 1000);
    TestServer web = TestServer.start(ProbeVerticle::new, shared.copy().put("node.role", "web"));
    await(web.vertx.deployVerticle(new ProbeVerticle(),
      new DeploymentOptions().setConfig(shared.copy().put("node.role", "functions").put("http.port", 0))));
    // Served once a call through the web instance reaches the functions' instance.
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline && await(web.request(HttpMethod.POST, "/api/Counter/getServerData")
      .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{}"))).statusCode() != 200) {
      sleep();
    }
    return web;
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
