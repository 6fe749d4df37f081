package dev.verve.examples;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;

import java.io.File;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * A plain JVM program that joins the cluster and prints every high-five total published on
 * {@value Counter#TOTAL_ADDRESS}, whichever node published it:
 *
 * <pre>
 * java -Dvertx.hazelcast.config=conf/cluster.xml -cp examples/target/verve-examples-0.1.0-SNAPSHOT-fat.jar \
 *   dev.verve.examples.TotalSubscriber
 * </pre>
 *
 * Ctrl-C leaves the cluster cleanly.
 */
public final class TotalSubscriber {

  private static final String CONFIG_PROPERTY = "vertx.hazelcast.config";

  private TotalSubscriber() {
  }

  public static void main(String[] args) throws Exception {
    String config = System.getProperty(CONFIG_PROPERTY);
    // vertx-hazelcast quietly falls back to multicast when the named file is missing: say so instead.
    if (config != null && !config.startsWith("classpath:") && !new File(config).isFile()) {
      System.err.println("No such file: " + config + " (-D" + CONFIG_PROPERTY + ", relative to "
        + new File("").getAbsolutePath() + ")");
      System.exit(2);
    }
    String host = System.getProperty("cluster.host", "127.0.0.1");
    long start = System.nanoTime();
    Vertx vertx = Vertx.builder()
      .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost(host)))
      .buildClustered()
      .await(2, TimeUnit.MINUTES);
    vertx.eventBus().<Object>consumer(Counter.TOTAL_ADDRESS)
      .handler(message -> System.out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + " "
        + Counter.TOTAL_ADDRESS + " = " + message.body()))
      .completion()
      .await(1, TimeUnit.MINUTES);
    System.out.printf("Joined the cluster in %.1f s; listening on %s (Ctrl-C to leave)%n",
      (System.nanoTime() - start) / 1e9, Counter.TOTAL_ADDRESS);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("Could not leave the cluster cleanly: " + e);
      }
    }, "leave-cluster"));
  }
}
