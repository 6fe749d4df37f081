package dev.verve.maven.dev;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Watches the source and resource directories, new subdirectories included, and hands over the files that
 * changed once they have been quiet for a moment: an editor's save is often several writes (a temporary file,
 * a rename), and one save must make one redeploy. Hands over too when the first of them was seen (a
 * {@link System#nanoTime()}), the time of the save. Runs on its own thread.
 */
final class SourceWatcher implements AutoCloseable {

  private static final long QUIET_MS = 60;

  private final WatchService watcher;
  private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  SourceWatcher(List<Path> roots, BiConsumer<Set<Path>, Long> changed) throws IOException {
    this.watcher = FileSystems.getDefault().newWatchService();
    for (Path root : roots) {
      if (Files.isDirectory(root)) registerTree(root);
    }
    this.thread = new Thread(() -> run(changed), "verve-dev-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(BiConsumer<Set<Path>, Long> changed) {
    try {
      while (!closed) {
        Set<Path> paths = new LinkedHashSet<>();
        WatchKey key = watcher.take();
        long first = System.nanoTime();
        collect(key, paths);
        // Until the files are quiet: the rest of this save.
        for (WatchKey more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS); more != null;
             more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) {
          collect(more, paths);
        }
        if (!paths.isEmpty()) changed.accept(paths, first);
      }
    } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
      // Closed: dev mode is stopping.
    }
  }

  private void collect(WatchKey key, Set<Path> paths) {
    Path directory = directories.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW || directory == null) continue;
      Path path = directory.resolve((Path) event.context());
      if (Files.isDirectory(path) && event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
        try {
          registerTree(path);
          try (Stream<Path> inside = Files.walk(path)) {
            inside.filter(Files::isRegularFile).forEach(paths::add);
          }
        } catch (IOException ignored) {
          // Gone already: nothing in it to compile.
        }
      } else if (!isEditorScratch(path)) {
        paths.add(path);
      }
    }
    if (!key.reset()) directories.remove(key);
  }

  // Swap and backup files of editors (vim's .swp and 4913, emacs' .#, ~ backups): not the project's files.
  private static boolean isEditorScratch(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.startsWith(".#")
      || name.equals("4913");
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path directory : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
        WatchKey key = directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        directories.put(key, directory);
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    watcher.close();
  }
}
