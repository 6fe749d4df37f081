package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the demo's node starts on its database: migrations first, and no half-started server. */
@ExtendWith(NoBlockedThreads.class)
class DatabaseTest {

  @Test
  void aFailedMigrationStopsTheNodeWithAClearMessage() {
    Vertx vertx = Vertx.vertx();
    try {
      DemoVerticle demo = new DemoVerticle();
      JsonObject config = new JsonObject().put("http.port", 0)
        .put("db.url", "jdbc:h2:mem:broken-migration").put("db.migrations", "db/broken");
      CompletionException failed = assertThrows(CompletionException.class, () ->
        vertx.deployVerticle(demo, new DeploymentOptions().setConfig(config))
          .toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join());
      String message = failed.getCause().getMessage();
      assertTrue(message.startsWith("Database migration from classpath:db/broken failed"), message);
      assertTrue(message.contains("V1__broken"), message);
      assertEquals(-1, demo.actualPort(), "the node must not serve HTTP on a half-migrated schema");
      assertEquals(0, vertx.deploymentIDs().size());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
  }
}
