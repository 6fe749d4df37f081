package dev.verve.test.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * What the kit opened on an app, to close: what was opened while a test ran, after that test; what
 * {@code @BeforeAll} (or a per-class constructor) opened, after the class.
 */
final class Opened {

  private final List<Runnable> forClass = new ArrayList<>();
  private final List<Runnable> forTest = new ArrayList<>();
  private boolean inTest;

  synchronized void add(Runnable close) {
    (inTest ? forTest : forClass).add(close);
  }

  /** From here until {@link #endTest}, what is opened is the test's. */
  synchronized void beginTest() {
    inTest = true;
  }

  void endTest() {
    List<Runnable> closing;
    synchronized (this) {
      inTest = false;
      closing = new ArrayList<>(forTest);
      forTest.clear();
    }
    closing.forEach(Opened::quietly);
  }

  void closeAll() {
    endTest();
    List<Runnable> closing;
    synchronized (this) {
      closing = new ArrayList<>(forClass);
      forClass.clear();
    }
    closing.forEach(Opened::quietly);
  }

  static void quietly(Runnable close) {
    try {
      close.run();
    } catch (RuntimeException | AssertionError ignored) {
      // Already closed by the test, or the connection is gone: nothing left to release.
    }
  }
}
