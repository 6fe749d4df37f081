package dev.verve.maven.dev;

import io.vertx.core.impl.VertxThread;
import io.vertx.core.spi.VertxThreadFactory;

import java.util.concurrent.TimeUnit;

/**
 * Vert.x's threads for dev mode. Vert.x starts worker threads lazily, while some generation's code runs, and
 * a new thread takes from its creator the context class loader and (up to JDK 23) the access control context,
 * which names the protection domain, so the class loader, of every class on the creating stack: the thread
 * would keep that generation, and all its classes, for the JVM's life. Each starts with the JVM's class loader
 * (Vert.x sets the deployment's own around every task it runs) and a context of this class's domain only.
 */
final class DevThreads implements VertxThreadFactory {

  @Override
  @SuppressWarnings("removal")
  public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime,
                                    TimeUnit maxExecTimeUnit) {
    VertxThread thread = java.security.AccessController.doPrivileged(
      (java.security.PrivilegedAction<VertxThread>) () -> new VertxThread(target, name, worker, maxExecTime, maxExecTimeUnit));
    thread.setContextClassLoader(DevThreads.class.getClassLoader());
    return thread;
  }
}
