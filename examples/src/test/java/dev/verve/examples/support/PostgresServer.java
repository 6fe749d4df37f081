package dev.verve.examples.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Debian's {@code postgresql} package, one per test JVM: initialised in a
 * temporary directory, listening on a free loopback port only, with trust authentication for the role
 * {@code verve}. PostgreSQL refuses to run as root, so as root its commands run as the {@code postgres}
 * user the package creates. Each test gets a database of its own ({@link #newDatabase}).
 *
 * <p>Tests are skipped (not failed) when the server binaries are missing, unless the environment variable
 * {@code CI} is {@code "true"}: on CI a missing PostgreSQL is a failure.
 */
public final class PostgresServer {

  private static PostgresServer shared;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path bin;
  private final Path dir;
  private final Path data;
  public final int port;

  private PostgresServer(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.port = port;
  }

  /** The JVM's server, started at the first call and stopped when the JVM exits. */
  public static synchronized PostgresServer shared() {
    Path bin = binaries();
    Assumptions.assumeTrue(bin != null || "true".equals(System.getenv("CI")),
      "No PostgreSQL server binaries: install Debian's postgresql package to run the PostgreSQL tests");
    if (bin == null) throw new IllegalStateException("CI=true but no PostgreSQL binaries under /usr/lib/postgresql");
    if (shared == null) {
      shared = start(bin);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy, "postgres-cleanup"));
    }
    return shared;
  }

  /** {@link #shared()}, or null where the tests would be skipped. */
  public static PostgresServer sharedIfAvailable() {
    return binaries() != null || "true".equals(System.getenv("CI")) ? shared() : null;
  }

  private static PostgresServer start(Path bin) {
    try {
      Path dir = Files.createTempDirectory("verve-pg");
      PostgresServer server = new PostgresServer(bin, dir, freePort());
      if (isRoot()) run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
      server.pg("initdb", "-D", server.data.toString(), "-U", "verve", "--auth=trust", "-E", "UTF8", "--no-sync");
      server.startServer();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts (or restarts) the server on its port; waits until it accepts connections. */
  public void startServer() {
    pg("pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
      "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -c fsync=off -c full_page_writes=off", "start");
  }

  /** Stops the server the way an operator's restart does: connections are closed at once. */
  public void stopServer() {
    pg("pg_ctl", "-D", data.toString(), "-w", "-t", "60", "-m", "fast", "stop");
  }

  /** A new, empty database; its {@code postgresql://} URL. */
  public String newDatabase() {
    String name = "verve_test_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "verve", "");
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return "postgresql://verve@127.0.0.1:" + port + "/" + name;
  }

  /** Plain JDBC on the test's thread, for what a test arranges or checks behind the server's back. */
  public Connection connect(String url) throws SQLException {
    String name = url.substring(url.lastIndexOf('/') + 1);
    return DriverManager.getConnection(jdbcUrl(name), "verve", "");
  }

  private String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private void destroy() {
    try {
      pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "stop");
    } catch (RuntimeException alreadyStopped) {
      // the test stopped it
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory
    }
  }

  private void pg(String command, String... args) {
    List<String> line = new ArrayList<>();
    if (isRoot()) line.addAll(List.of("runuser", "-u", "postgres", "--"));
    line.add(bin.resolve(command).toString());
    line.addAll(List.of(args));
    run(line, true);
  }

  private static void run(List<String> command, boolean quietly) {
    try {
      Path out = Files.createTempFile("verve-pg-cmd", ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      String output = Files.readString(out);
      Files.deleteIfExists(out);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // Debian installs each major version under /usr/lib/postgresql/<version>/bin; the newest wins.
  private static Path binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) return null;
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
        .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
