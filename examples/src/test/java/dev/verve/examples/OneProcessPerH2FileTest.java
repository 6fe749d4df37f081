package dev.verve.examples;

import dev.verve.examples.support.LauncherProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An embedded H2 file belongs to one process: a second demo on the same file stops at start, within
 * seconds, naming the file and what to use instead, while the first serves on. (Before, the second
 * started whenever the first's pool held no connection, and the two wrote one file.)
 */
class OneProcessPerH2FileTest {

  @Test
  void aSecondProcessOnTheSameFileExitsNamingTheFileAndTheFix(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("verve");
    Map<String, String> env = Map.of("VERVE_DB_URL", "jdbc:h2:" + file);
    try (LauncherProcess first = LauncherProcess.start("dev.verve.examples.DemoVerticle", env)) {
      int port = first.awaitPort();
      // Idle: no call has borrowed a connection from its pool since the start.
      try (LauncherProcess second = LauncherProcess.start("dev.verve.examples.DemoVerticle", env)) {
        Integer exit = second.awaitExit(30);
        assertNotNull(exit, "the second process still runs:\n" + second.log());
        assertNotEquals(0, exit, second.log());
        String log = second.log();
        assertTrue(log.contains(file + ".mv.db") && log.contains("in use by another process")
          && log.contains("postgresql://"), log);
        assertTrue(!log.contains("Verve serving on"), "the second process served:\n" + log);
      }
      HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, ready.statusCode(), ready.body());
    }
  }
}
