package dev.verve.maven.dev;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A copy of the archetype's starter (package {@code com.example.starter}) in a temporary directory, with the
 * dev settings {@code verve:dev} would write for it: this JVM's class path (Verve, its generators, Vert.x)
 * as the compile class path, a free port and an in-memory database that outlives each generation.
 */
final class Starter {

  static final String PACKAGE = "com.example.starter";
  private static final Path ARCHETYPE = Path.of("../archetype/src/main/resources/archetype-resources");

  final Path dir;
  final int port;
  final DevSettings settings;

  Starter(Path dir) throws IOException {
    this.dir = dir;
    this.port = freePort();
    copyTree(ARCHETYPE.resolve("src/main/java"), dir.resolve("src/main/java/" + PACKAGE.replace('.', '/')), true);
    copyTree(ARCHETYPE.resolve("src/main/resources"), dir.resolve("src/main/resources"), false);
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
      .map(Path::of).collect(Collectors.toList());
    this.settings = new DevSettings(dir, List.of(dir.resolve("src/main/java")), List.of(dir.resolve("src/main/resources")),
      dir.resolve("target/verve-dev"), classpath, List.of(), List.of("--release", "17", "-encoding", "UTF-8"),
      PACKAGE + ".App", new JsonObject().put("http.host", "127.0.0.1").put("http.port", port)
        .put("db.url", "jdbc:h2:mem:dev-" + port + ";DB_CLOSE_DELAY=-1"));
  }

  Path java(String relative) {
    return dir.resolve("src/main/java/" + PACKAGE.replace('.', '/') + "/" + relative);
  }

  Path resource(String relative) {
    return dir.resolve("src/main/resources/" + relative);
  }

  /** Replaces {@code from} by {@code to} in {@code file}, as an editor's save would. */
  static void edit(Path file, String from, String to) {
    try {
      String text = Files.readString(file);
      if (!text.contains(from)) throw new IllegalStateException(file + " has no " + from);
      Files.writeString(file, text.replace(from, to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to, boolean filtered) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path source : (Iterable<Path>) tree.filter(Files::isRegularFile)::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        Files.createDirectories(target.getParent());
        String text = Files.readString(source);
        Files.writeString(target, filtered ? text.replace("${package}", PACKAGE).replace("${artifactId}", "starter") : text);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
