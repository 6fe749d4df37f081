package dev.verve.examples;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jar, run as a user runs it: {@code java -jar ... -conf file} under Vert.x's launcher, then
 * SIGTERM while a call is in flight: the call still completes and the process exits.
 */
class FatJarIT {

  private Process process;

  @AfterEach
  void kill() {
    if (process != null && process.isAlive()) process.destroyForcibly();
  }

  @Test
  void theFatJarServesFunctionsWithTheLaunchersConfAndStopsGracefully() throws Exception {
    File jar = new File(System.getProperty("verve.fatJar"));
    assertTrue(jar.isFile(), "fat jar missing: " + jar);
    int port = freePort();
    Path conf = Files.createTempFile("verve-conf", ".json");
    Files.writeString(conf, "{\"http.host\": \"127.0.0.1\", \"http.port\": " + port + "}");
    Path log = Files.createTempFile("verve-fatjar", ".log");
    Path workDir = Files.createTempDirectory("verve-fatjar-work");
    process = new ProcessBuilder(javaBinary(), "-jar", jar.getAbsolutePath(), "-conf", conf.toString())
      .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();

    // HTTP/1.1 as curl speaks it (JDK 17's client drops in-flight HTTP/2 streams on GOAWAY).
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://127.0.0.1:" + port;
    HttpResponse<String> data = waitForServer(http, base, log);
    assertEquals("\"Hello from the server!\"", data.body());
    // The default database: an H2 file under data/ in the working directory, created at first start.
    assertTrue(Files.isRegularFile(workDir.resolve("data/verve.mv.db")), "no data/verve.mv.db in " + workDir);
    HttpResponse<String> signUp = http.send(HttpRequest.newBuilder(URI.create(base + "/signup"))
      .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
      .POST(HttpRequest.BodyPublishers.ofString("username=ada&password=correct+horse+battery")).build(),
      HttpResponse.BodyHandlers.ofString());
    assertEquals(303, signUp.statusCode(), signUp.body());

    CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(post(base + "/api/Counter/doubleServer",
      "{\"number\": 21}"), HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300);
    process.destroy(); // SIGTERM
    HttpResponse<String> doubled = inFlight.get(20, TimeUnit.SECONDS);
    assertEquals(200, doubled.statusCode());
    assertEquals("42", doubled.body());
    assertTrue(process.waitFor(40, TimeUnit.SECONDS), "the server did not exit after SIGTERM");
  }

  private static HttpResponse<String> waitForServer(HttpClient http, String base, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        HttpResponse<String> response = http.send(post(base + "/api/Counter/getServerData", "{}"),
          HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) return response;
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the fat jar never answered; its log:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
  }

  private static HttpRequest post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
      .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
