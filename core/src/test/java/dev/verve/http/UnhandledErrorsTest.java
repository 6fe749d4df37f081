package dev.verve.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What nothing else caught is logged once per cause and window, with the count of the rest. */
class UnhandledErrorsTest {

  final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  final Logger log = Logger.getLogger(UnhandledErrors.class.getName());
  final Handler capture = new Handler() {
    @Override public void publish(LogRecord record) { logged.add(record); }
    @Override public void flush() { }
    @Override public void close() { }
  };

  @BeforeEach
  void listen() {
    log.addHandler(capture);
  }

  @AfterEach
  void stop() {
    log.removeHandler(capture);
  }

  private static RuntimeException thrownAt(int line) {
    RuntimeException e = new ClassCastException("class java.lang.Integer cannot be cast to class java.lang.String");
    e.setStackTrace(new StackTraceElement[]{new StackTraceElement("some.Bridge", "handle", "Bridge.java", line)});
    return e;
  }

  @Test
  void aThousandOfOneCauseLogOnceThenAgainAfterTheWindowWithTheirCount() throws InterruptedException {
    UnhandledErrors errors = new UnhandledErrors(200);
    for (int i = 0; i < 1000; i++) errors.handle(thrownAt(10));
    errors.handle(thrownAt(20)); // another place: another cause
    assertEquals(2, logged.size());
    assertEquals(thrownAt(10).getStackTrace()[0], logged.get(0).getThrown().getStackTrace()[0]);

    Thread.sleep(250);
    errors.handle(thrownAt(10));
    assertEquals(3, logged.size());
    assertTrue(logged.get(2).getMessage().contains("999 more like it"), logged.get(2).getMessage());
  }
}
