package dev.verve.examples;

import dev.verve.Verve;
import dev.verve.client.VerveClient;
import dev.verve.examples.impl.CounterImpl;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.serviceproxy.ServiceProxyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One interface, every way in: in process, event-bus proxy, raw event bus, raw HTTP, Java HTTP client. */
@ExtendWith(NoBlockedThreads.class)
class WaysInTest {

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(DemoVerticle::new, new JsonObject());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theImplementationAnswersInProcess() {
    Counter counter = new CounterImpl(server.vertx);
    assertEquals(42, await(counter.doubleServer(21)));
  }

  @Test
  void theGeneratedEventBusProxyReachesTheFunction() {
    // tag::event-bus-proxy[]
    Counter counter = new ServiceProxyBuilder(server.vertx)
      .setAddress(Counter.class.getName())   // the default address: the interface's name
      .build(Counter.class);
    // end::event-bus-proxy[]
    assertEquals(42, await(counter.doubleServer(21)));
    assertEquals("Hello from the server!", await(counter.getServerData()));
  }

  @Test
  void verveProxyFindsTheAddressFromTheAnnotation() {
    Counter counter = Verve.create(server.vertx).proxy(Counter.class);
    assertEquals(8, await(counter.doubleServer(4)));
  }

  @Test
  void aRawEventBusMessageWithTheActionHeaderIsAnswered() {
    Object reply = await(server.vertx.eventBus().request(Counter.class.getName(), new JsonObject().put("number", 5),
      new DeliveryOptions().addHeader("action", "doubleServer"))).body();
    assertEquals(10, reply);
  }

  @Test
  void rawHttpPostReturnsTheJsonValue() {
    HttpResponse<Buffer> response = server.postJson("/api/Counter/doubleServer", "{\"number\": 21}");
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.getHeader("Content-Type"));
    assertEquals("42", response.bodyAsString());
    HttpResponse<Buffer> data = server.postJson("/api/Counter/getServerData", "{}");
    assertEquals("\"Hello from the server!\"", data.bodyAsString());
  }

  @Test
  void aCallWithoutParametersNeedsNoBodyAtAll() {
    HttpResponse<Buffer> response = await(server.http.post("/api/Counter/getServerData").send());
    assertEquals(200, response.statusCode());
    assertEquals("\"Hello from the server!\"", response.bodyAsString());
  }

  @Test
  void theGeneratedJavaClientImplementsTheSameInterface() {
    VerveClient client = VerveClient.create(server.vertx, "http://127.0.0.1:" + server.port);
    Counter counter = client.of(Counter.class);
    assertEquals(42, await(counter.doubleServer(21)));
    assertEquals("Hello from the server!", await(counter.getServerData()));
    client.close();
  }

  @Test
  void twentyConcurrentCallsAllComplete() {
    // Each call waits a second on a timer: none may hold the event loop (NoBlockedThreads checks).
    List<io.vertx.core.Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(server.http.post("/api/Counter/doubleServer").putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"number\": " + i + "}")));
    }
    for (int i = 0; i < 20; i++) {
      HttpResponse<Buffer> response = await(calls.get(i));
      assertEquals(200, response.statusCode());
      assertEquals(String.valueOf(i * 2), response.bodyAsString());
    }
  }
}
