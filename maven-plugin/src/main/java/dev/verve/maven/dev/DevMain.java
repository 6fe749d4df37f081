package dev.verve.maven.dev;

import dev.verve.ops.VerveMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app's JVM in dev mode, started by {@code mvn verve:dev} with the app's dependencies on its class path
 * (not its classes: those are compiled and loaded by {@link DevMode}, one class loader per generation). One
 * Vert.x for the JVM's life, as {@code VerveLauncher} makes it (metrics on, native transport where there is one),
 * with Vert.x's file cache off so that resources are read where they are edited.
 */
public final class DevMain {

  private DevMain() {
  }

  /** The JVM's one Vert.x in dev mode. */
  public static Vertx vertx() {
    VertxOptions options = VerveMetrics.enable(new VertxOptions())
      .setPreferNativeTransport(true)
      .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(true));
    return VertxBootstrap.create().options(options).threadFactory(new DevThreads()).init().vertx();
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: DevMain <settings.json> (written by mvn verve:dev)");
      System.exit(2);
    }
    DevSettings settings = DevSettings.fromJson(new JsonObject(Files.readString(Path.of(args[0]))));
    Vertx vertx = vertx();
    DevMode dev = DevMode.start(vertx, settings, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        dev.close();
      } catch (Exception ignored) {
        // Stopping anyway.
      }
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }, "verve-dev-stop"));
    Thread.currentThread().join();
  }
}
