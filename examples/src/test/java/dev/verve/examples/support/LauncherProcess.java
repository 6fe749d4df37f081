package dev.verve.examples.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo (or another verticle of the test class path) in a JVM of its own, started by
 * {@code dev.verve.VerveLauncher} as a user starts it, configured through its environment: what a test
 * cannot do in its own JVM (an environment variable, a second process on the same file). Its output goes to
 * a log file.
 */
public final class LauncherProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("Verve serving on http://127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final Path log;

  private LauncherProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** {@code java -cp <this class path> dev.verve.VerveLauncher <verticle>} with {@code env} added. */
  public static LauncherProcess start(String verticle, Map<String, String> env) throws IOException {
    Path log = Files.createTempFile("verve-node", ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
      "dev.verve.VerveLauncher", verticle));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("VERVE_HTTP_PORT", "0");
    builder.environment().put("VERVE_AUTH_PASSWORDITERATIONS", "1000");
    builder.environment().putAll(env);
    return new LauncherProcess(builder.start(), log);
  }

  /** The port it serves on, once its log says so; fails if it exits first or takes over 60 s. */
  public int awaitPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = SERVING.matcher(log());
      if (m.find()) return Integer.parseInt(m.group(1));
      if (!process.isAlive()) throw new AssertionError("the node exited:\n" + log());
      Thread.sleep(100);
    }
    throw new AssertionError("the node did not serve within 60 s:\n" + log());
  }

  /** Its exit code, once it exited within {@code seconds}; {@code null} if it still runs. */
  public Integer awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : null;
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** SIGTERM, then kill -9 if it has not stopped within 30 s; the log is removed. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(log);
  }
}
