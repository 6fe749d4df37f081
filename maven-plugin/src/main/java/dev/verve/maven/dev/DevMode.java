package dev.verve.maven.dev;

import dev.verve.devmode.DevStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Dev mode's loop: compile, deploy, watch; on a saved change compile again (Java) or not (resources), deploy
 * the new generation and retire the old one, or only reload the open pages (a template, a stylesheet: read in
 * place). A compile or start failure is printed, and shown in place of pages while the last good generation
 * keeps answering function calls. Changes are handled one after the other, on the watcher's thread.
 */
public final class DevMode implements AutoCloseable {

  // Files a page reads when it is shown: saving one needs a reload of the page, not of the app.
  private static final Set<String> PAGE_FILES = Set.of("hbs", "css", "js", "html", "svg", "png", "jpg", "jpeg",
    "gif", "ico", "webp", "woff", "woff2", "txt");
  private static final long DEPLOY_TIMEOUT_S = 60;

  private final Vertx vertx;
  private final DevSettings settings;
  private final PrintStream terminal;
  private final SourceCompiler compiler;
  private final Redeployer redeployer;
  private SourceWatcher watcher;
  private Path lastGoodClasses;
  private long compilations;
  private final List<Long> saveToServe = new ArrayList<>();

  private DevMode(Vertx vertx, DevSettings settings, PrintStream terminal) {
    this.vertx = vertx;
    this.settings = settings;
    this.terminal = terminal;
    this.compiler = new SourceCompiler(settings);
    this.redeployer = new Redeployer(vertx, settings);
  }

  /** Compiles and deploys the app, then watches its sources; a first failure is printed and awaits the fix. */
  public static DevMode start(Vertx vertx, DevSettings settings, PrintStream terminal) throws IOException {
    DevMode dev = new DevMode(vertx, settings, terminal);
    dev.cleanWorkDir();
    dev.rebuild(System.nanoTime(), true, "start");
    List<Path> watched = new ArrayList<>(settings.sources);
    watched.addAll(settings.resources);
    dev.watcher = new SourceWatcher(watched, dev::changed);
    dev.say("watching " + watched.stream().map(p -> relative(settings, p)).collect(Collectors.joining(", "))
      + " (save a file: Java is compiled and redeployed, templates and stylesheets reload the page)");
    return dev;
  }

  private synchronized void changed(Set<Path> saved, long savedAt) {
    // An editor's (or sed -i's) temporary file, made and gone within the save, is no change of the project.
    Set<Path> paths = saved.stream().filter(p -> Files.exists(p) || !extension(p).isEmpty())
      .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    if (paths.isEmpty()) return;
    String what = paths.stream().map(p -> p.getFileName().toString()).distinct().sorted()
      .collect(Collectors.joining(", "));
    boolean java = paths.stream().anyMatch(p -> p.toString().endsWith(".java"));
    boolean pageFilesOnly = paths.stream().allMatch(p -> isUnder(p, settings.resources) && PAGE_FILES.contains(extension(p)));
    if (!java && pageFilesOnly) {
      DevStatus.reloadPages(vertx);
      say(what + ": pages reloaded");
      return;
    }
    rebuild(savedAt, java || lastGoodClasses == null, what);
  }

  private void rebuild(long saved, boolean compile, String what) {
    Path classes = lastGoodClasses;
    long compileMillis = 0;
    if (compile) {
      long number = ++compilations;
      classes = settings.workDir.resolve("classes-" + number);
      SourceCompiler.Result result = compiler.compile(classes, settings.workDir.resolve("generated-" + number));
      compileMillis = result.millis;
      if (!result.succeeded) {
        delete(classes);
        delete(settings.workDir.resolve("generated-" + number));
        DevStatus.failed(vertx, "Compile error", result.errors);
        DevStatus.reloadPages(vertx);
        say(what + ": compile error (" + result.millis + " ms)" + (redeployer.current() == null ? ""
          : "; generation " + redeployer.current().number + " still answers") + "\n" + result.errors);
        return;
      }
    }
    long deployStart = System.nanoTime();
    try {
      Path previousClasses = lastGoodClasses;
      Generation generation = await(redeployer.deploy(classes));
      lastGoodClasses = classes;
      if (previousClasses != null && !previousClasses.equals(classes)) {
        delete(previousClasses);
        delete(Path.of(previousClasses.toString().replace("classes-", "generated-")));
      }
      DevStatus.reloadPages(vertx);
      long total = millis(saved);
      saveToServe.add(total);
      say(what + ": " + (compile ? "compiled in " + compileMillis + " ms, " : "") + "deployed in "
        + millis(deployStart) + " ms, generation " + generation.number + " serving " + total + " ms after the save");
    } catch (RuntimeException e) {
      if (compile && !classes.equals(lastGoodClasses)) delete(classes);
      String text = describe(e);
      DevStatus.failed(vertx, "The app did not start", text);
      DevStatus.reloadPages(vertx);
      say(what + ": the app did not start" + (redeployer.current() == null ? ""
        : "; generation " + redeployer.current().number + " still answers") + "\n" + text);
    }
  }

  /** Deploys the last good classes again in a fresh class loader, as a change to a resource does. */
  synchronized void redeploy() {
    rebuild(System.nanoTime(), lastGoodClasses == null, "redeploy");
  }

  /** The class loader of the generation serving now; null before the first. */
  synchronized ClassLoader currentLoader() {
    Generation current = redeployer.current();
    return current == null ? null : current.loader;
  }

  /** How long each save took to be served, in milliseconds, in order. */
  public synchronized List<Long> saveToServeMillis() {
    return List.copyOf(saveToServe);
  }

  /** The number of the generation serving now; 0 before the first. */
  public synchronized long generation() {
    Generation current = redeployer.current();
    return current == null ? 0 : current.number;
  }

  @Override
  public synchronized void close() throws IOException {
    if (watcher != null) watcher.close();
    try {
      await(redeployer.close());
    } finally {
      compiler.close();
    }
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append("\ncaused by: ").append(cause);
    }
    return text.toString();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(DEPLOY_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
        : new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the app did not start within " + DEPLOY_TIMEOUT_S + " s", e);
    }
  }

  private void say(String line) {
    terminal.println("[verve:dev] " + line);
  }

  private void cleanWorkDir() {
    delete(settings.workDir);
    try {
      Files.createDirectories(settings.workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(path);
    } catch (IOException e) {
      // Left on disk under target/: the next clean removes it.
    }
  }

  private static boolean isUnder(Path path, List<Path> roots) {
    return roots.stream().anyMatch(path::startsWith);
  }

  private static String extension(Path path) {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String relative(DevSettings settings, Path path) {
    return path.startsWith(settings.projectDir) ? settings.projectDir.relativize(path).toString() : path.toString();
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
