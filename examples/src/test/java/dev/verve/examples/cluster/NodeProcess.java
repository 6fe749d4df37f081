package dev.verve.examples.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One clustered node in its own JVM: the packaged fat jar run with the launcher's {@code -cluster}, as the
 * README's "Scaling out" runs it, its output in a log file. {@link #kill()} is {@code kill -9},
 * {@link #stop()} a SIGTERM.
 */
final class NodeProcess {

  final String name;
  final Path log;
  private final Process process;
  private final long startNanos = System.nanoTime();

  private NodeProcess(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code java -Xmx256m -D<props> [-cp jar mainClass | -jar jar] args} in {@code workDir}; the
   * output goes to {@code <logDir>/<name>.log}.
   */
  static NodeProcess start(String name, Path jar, Path workDir, Path logDir, Map<String, String> props,
                           String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    // A small cluster of short-lived JVMs on two cores: the JIT's top tier costs more than it returns.
    command.add("-XX:TieredStopAtLevel=1");
    props.forEach((k, v) -> command.add("-D" + k + "=" + v));
    if (mainClass == null) {
      command.add("-jar");
      command.add(jar.toString());
    } else {
      command.add("-cp");
      command.add(jar.toString());
      command.add(mainClass);
    }
    command.addAll(List.of(args));
    Path log = logDir.resolve(name + ".log");
    try {
      Files.createDirectories(logDir);
      Process process = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new NodeProcess(name, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  double secondsSinceStart() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** {@code kill -9}: no shutdown hook runs, the node vanishes from the cluster without leaving. */
  void kill() {
    process.destroyForcibly();
  }

  /** SIGTERM: the launcher's shutdown hook undeploys and leaves the cluster. */
  void stop() {
    process.destroy();
  }

  boolean waitFor(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  /** Kills the process if it still runs; waits a little so that its ports are free again. */
  void destroy() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(unreadable log " + log + ": " + e + ")";
    }
  }

  // ---- the cluster configuration the nodes share -------------------------------------------------

  private static final Pattern MEMBER = Pattern.compile("<member>127\\.0\\.0\\.1:57(0[1-6])</member>");
  private static final Pattern PORT = Pattern.compile(">5701</port>");
  private static final Pattern NAME = Pattern.compile("<cluster-name>verve</cluster-name>");

  /**
   * {@code conf/cluster.xml} with Hazelcast ports {@code base..base+5} instead of 5701..5706 and a cluster
   * name of its own, so that a test cluster never meets a developer's demo cluster on the same machine.
   */
  static String testClusterXml(String clusterXml, int base, String clusterName) {
    Matcher members = MEMBER.matcher(clusterXml);
    StringBuilder out = new StringBuilder();
    int count = 0;
    while (members.find()) {
      members.appendReplacement(out, "<member>127.0.0.1:" + (base + Integer.parseInt(members.group(1)) - 1) + "</member>");
      count++;
    }
    members.appendTail(out);
    String xml = out.toString();
    if (count != 6 || !PORT.matcher(xml).find() || !NAME.matcher(xml).find()) {
      throw new IllegalStateException("conf/cluster.xml no longer lists members 127.0.0.1:5701..5706, port 5701 and "
        + "cluster name verve; update " + NodeProcess.class.getName());
    }
    xml = PORT.matcher(xml).replaceFirst(">" + base + "</port>");
    return NAME.matcher(xml).replaceFirst("<cluster-name>" + clusterName + "</cluster-name>");
  }

  /** A free port on 127.0.0.1. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first of {@code count} consecutive free ports on 127.0.0.1, below Linux's ephemeral range (32768+)
   * so that no outgoing connection takes one meanwhile.
   */
  static int freePortRange(int count) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(15_000, 32_000 - count);
      if (allFree(base, count)) return base;
    }
    throw new IllegalStateException("no " + count + " consecutive free ports found");
  }

  private static boolean allFree(int base, int count) {
    for (int port = base; port < base + count; port++) {
      try (ServerSocket ignored = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
        // free
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
