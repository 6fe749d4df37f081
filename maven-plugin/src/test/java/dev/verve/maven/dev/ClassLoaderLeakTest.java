package dev.verve.maven.dev;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 50 redeploys of the starter, each generation used (a page, a function call, a signed-out session) before
 * the next replaces it: every old class loader is collected, and metaspace after GC stays within a bound.
 */
class ClassLoaderLeakTest {

  private static final int REDEPLOYS = 50;
  // Metaspace the starter's classes and their generated ones may still hold after GC, all generations together.
  private static final long METASPACE_BOUND = 16L * 1024 * 1024;

  @TempDir
  Path temp;

  @Test
  void oldGenerationsAreCollected() throws Exception {
    Starter starter = new Starter(temp.resolve("starter"));
    Vertx vertx = DevMain.vertx();
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    DevMode dev = DevMode.start(vertx, starter.settings, new PrintStream(terminal, true, StandardCharsets.UTF_8));
    // One connection per request: a keep-alive connection of the generation being undeployed may be closed
    // under a request (HTTP/1.1's race, which browsers answer by asking again); this test is about leaks.
    WebClient http = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setKeepAlive(false));
    try {
      use(http, starter.port);
      dev.redeploy();
      use(http, starter.port);
      long metaspaceBefore = metaspaceAfterGc();
      List<WeakReference<ClassLoader>> old = new ArrayList<>();
      for (int i = 0; i < REDEPLOYS; i++) {
        old.add(new WeakReference<>(dev.currentLoader()));
        dev.redeploy();
        use(http, starter.port);
      }
      assertEquals(REDEPLOYS + 2, dev.generation(), terminal.toString(StandardCharsets.UTF_8));
      long metaspaceAfter = metaspaceAfterGc();
      long kept = old.stream().filter(ref -> ref.get() != null).count();
      List<Integer> keptAt = new ArrayList<>();
      for (int i = 0; i < old.size(); i++) if (old.get(i).get() != null) keptAt.add(i);
      System.out.println("[dev mode] kept generations (0 = the first redeployed): " + keptAt);
      Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getContextClassLoader() != null && String.valueOf(t.getContextClassLoader().getName()).startsWith("verve-dev-"))
        .forEach(t -> System.out.println("[dev mode] thread " + t.getName() + " holds " + t.getContextClassLoader().getName()));
      System.out.println("[dev mode] " + REDEPLOYS + " redeploys: metaspace after GC " + mb(metaspaceBefore) + " -> "
        + mb(metaspaceAfter) + " MB; old class loaders not collected: " + kept);
      String dump = System.getenv("VERVE_LEAK_DUMP");
      if (kept > 0 && dump != null) {
        ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(dump, true);
      }
      assertEquals(0, kept, "old generations' class loaders still reachable");
      assertTrue(metaspaceAfter - metaspaceBefore < METASPACE_BOUND,
        "metaspace grew by " + mb(metaspaceAfter - metaspaceBefore) + " MB");
    } finally {
      dev.close();
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static void use(WebClient http, int port) throws Exception {
    assertEquals(200, http.get(port, "127.0.0.1", "/").send().toCompletionStage().toCompletableFuture()
      .get(30, TimeUnit.SECONDS).statusCode());
    assertEquals(200, http.post(port, "127.0.0.1", "/api/Greeter/greet").putHeader("Content-Type", "application/json")
      .sendBuffer(new JsonObject().put("name", "Ada").toBuffer()).toCompletionStage().toCompletableFuture()
      .get(30, TimeUnit.SECONDS).statusCode());
  }

  private static long metaspaceAfterGc() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getName().equals("Metaspace"))
      .mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }

  private static String mb(long bytes) {
    return String.format("%.1f", bytes / 1024.0 / 1024.0);
  }
}
