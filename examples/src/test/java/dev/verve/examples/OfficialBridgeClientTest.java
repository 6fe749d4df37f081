package dev.verve.examples;

import dev.verve.examples.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bridge as a Node user meets it: the official {@code @vertx/eventbus-bridge-client.js} (installed from
 * the npm registry into target/) subscribes to {@code counter.total}, is refused an unpermitted address
 * with {@code access_denied}, and keeps working. Needs node and npm; skipped without them outside CI.
 */
class OfficialBridgeClientTest {

  @Test
  void theOfficialClientHearsTheTotalIsRefusedCleanlyAndStaysConnected() throws Exception {
    Assumptions.assumeTrue(onPath("node") && onPath("npm") || "true".equals(System.getenv("CI")),
      "node and npm are needed for this test");
    Path dir = Path.of("target", "node-bridge-client");
    Files.createDirectories(dir);
    for (String file : List.of("package.json", "check.js")) {
      Files.copy(Path.of("src", "test", "node", "bridge-client", file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(dir.resolve("node_modules/@vertx/eventbus-bridge-client.js"))) {
      assertEquals(0, run(dir, 180, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), "npm install");
    }
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      Path log = dir.resolve("check.log");
      int exit = run(dir, 30, log, "node", "check.js", "http://127.0.0.1:" + server.port);
      String output = Files.readString(log);
      assertEquals(0, exit, output);
      assertTrue(output.contains("access_denied"), output);
      assertTrue(output.contains("denied=true open=true"), output);
    }
  }

  private static int run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
    return run(dir, seconds, dir.resolve("npm.log"), command);
  }

  private static int run(Path dir, int seconds, Path log, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile())
      .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s:\n" + Files.readString(log));
    }
    return process.exitValue();
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, program).canExecute()) return true;
    }
    return false;
  }
}
