package dev.verve.maven.dev;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;

/** One deployment of the app: its number, its class loader (compiled classes and live resources), its id. */
final class Generation {

  final long number;
  final Path classes;
  final URLClassLoader loader;
  String deploymentId;

  Generation(long number, Path classes, URLClassLoader loader) {
    this.number = number;
    this.classes = classes;
    this.loader = loader;
  }

  void close() {
    try {
      loader.close();
    } catch (IOException ignored) {
      // A jar or directory that cannot be closed leaks a file handle at most; the next generation is unaffected.
    }
  }
}
