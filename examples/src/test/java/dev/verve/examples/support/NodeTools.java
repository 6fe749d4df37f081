package dev.verve.examples.support;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * npm tools for tests, installed from the registry into {@code target/} (the {@code package.json} under
 * {@code src/test/node/<name>} is committed, {@code node_modules} never). Needs node and npm: without them
 * the test is skipped, except on CI where that is a failure.
 */
public final class NodeTools {

  /** What a tool printed (stdout and stderr together) and its exit code. */
  public record Result(int exit, String output) {
  }

  public final Path dir;

  private NodeTools(Path dir) {
    this.dir = dir;
  }

  /** Copies {@code src/test/node/<name>} to {@code target/node-<name>} and runs {@code npm install} there once. */
  public static NodeTools install(String name, String marker) throws IOException, InterruptedException {
    Assumptions.assumeTrue(onPath("node") && onPath("npm") || "true".equals(System.getenv("CI")),
      "node and npm are needed for this test");
    Path source = Path.of("src", "test", "node", name);
    Path dir = Path.of("target", "node-" + name).toAbsolutePath();
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    NodeTools tools = new NodeTools(dir);
    if (!Files.isDirectory(dir.resolve("node_modules").resolve(marker))) {
      Result npm = tools.run(300, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
      assertEquals(0, npm.exit(), "npm install:\n" + npm.output());
    }
    return tools;
  }

  /** Runs {@code command} in the tools' directory, with their {@code node_modules/.bin} first on the PATH. */
  public Result run(int seconds, String... command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "run", ".log");
    // The process is looked up on this JVM's PATH, not the child's: name the installed tool by its path.
    Path local = dir.resolve("node_modules/.bin").resolve(command[0]);
    if (Files.isExecutable(local)) {
      command = command.clone();
      command[0] = local.toString();
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
      .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("PATH", dir.resolve("node_modules/.bin") + File.pathSeparator + env.getOrDefault("PATH", ""));
    // Offline-friendly and quiet: no telemetry, no update checks.
    env.put("REDOCLY_TELEMETRY", "off");
    env.put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    env.put("NO_UPDATE_NOTIFIER", "1");
    Process process = builder.start();
    try {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s:\n" + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(d, program).canExecute()) return true;
    }
    return false;
  }
}
