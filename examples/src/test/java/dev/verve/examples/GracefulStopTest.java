package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Undeploying stops accepting but lets calls in flight finish. */
@ExtendWith(NoBlockedThreads.class)
class GracefulStopTest {

  @Test
  void aCallInFlightFinishesWhenTheVerticleIsUndeployed() throws Exception {
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      Future<HttpResponse<Buffer>> inFlight = server.http.post("/api/Counter/doubleServer")
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"number\": 50}"));
      // Wait until the call is inside the function (its 1 s timer), then stop.
      await(server.vertx.timer(300));
      Future<Void> undeployed = server.undeploy();
      HttpResponse<Buffer> response = await(inFlight);
      assertEquals(200, response.statusCode());
      assertEquals("100", response.bodyAsString());
      await(undeployed);
    }
  }
}
