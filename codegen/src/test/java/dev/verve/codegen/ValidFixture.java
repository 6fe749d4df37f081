package dev.verve.codegen;

import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Future;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code valid} fixture (package {@code fixture.valid}: every parameter and result shape), compiled
 * once per test JVM and shared by the generator tests; compiling it takes about a second.
 */
final class ValidFixture {

  private static FixtureCompiler.Compilation compilation;
  private static URLClassLoader loader;

  private ValidFixture() {
  }

  static synchronized FixtureCompiler.Compilation compilation() {
    if (compilation == null) {
      try {
        Path workDir = Files.createTempDirectory("verve-valid-fixture");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(workDir)));
        compilation = FixtureCompiler.compile("valid", workDir);
        loader = compilation.loader();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return compilation;
  }

  static Class<?> load(String simpleName) throws ClassNotFoundException {
    compilation();
    return loader.loadClass("fixture.valid." + simpleName);
  }

  static ServiceDescriptor descriptor(String iface) throws Exception {
    return (ServiceDescriptor) load(iface + "VerveDescriptor").getField("DESCRIPTOR").get(null);
  }

  static MethodDescriptor method(String name) throws Exception {
    return descriptor("Counter").method(name);
  }

  /** Calls {@code Counter.<name>} on {@code target} and returns the (already completed) future's value. */
  static Object invoke(Object target, String name, Object... args) throws Exception {
    for (Method method : load("Counter").getMethods()) {
      if (method.getName().equals(name)) {
        Future<?> future = (Future<?>) method.invoke(target, args);
        assertTrue(future.succeeded(), () -> String.valueOf(future.cause()));
        return future.result();
      }
    }
    throw new NoSuchMethodException(name);
  }

  /** A {@code fixture.valid.Todo}, not done. */
  static Object todo(String title) throws Exception {
    return load("Todo").getConstructor(String.class, boolean.class).newInstance(title, false);
  }

  /** A {@code fixture.valid.Color} constant. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Object color(String name) throws Exception {
    return Enum.valueOf((Class) load("Color"), name);
  }

  static String goldenFile(String name) {
    try {
      return FixtureCompiler.read(Path.of(ValidFixture.class.getResource("/golden/" + name).toURI()));
    } catch (Exception e) {
      throw new IllegalArgumentException(name, e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }
}
