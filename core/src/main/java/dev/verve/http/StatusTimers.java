package dev.verve.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The timers of one function or page, one per response status, each made at its first use and then
 * looked up by index: recording a call allocates nothing.
 */
public final class StatusTimers {

  /** Latency buckets of the histograms: from a cache hit to {@code api.timeout}'s default. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
    Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
    Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
    Duration.ofSeconds(30)};
  /** The status label of a request whose connection closed before its response was written. */
  public static final int CLOSED = 0;
  private static final int FIRST = 100;
  private static final int LAST = 599;

  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final Tags tags;
  // Index 0: closed; 1..500: status 100..599.
  private final AtomicReferenceArray<Timer> timers = new AtomicReferenceArray<>(LAST - FIRST + 2);

  public StatusTimers(MeterRegistry registry, String name, String description, Tags tags) {
    this.registry = registry;
    this.name = name;
    this.description = description;
    this.tags = tags;
  }

  public Timer timer(int status) {
    int index = status >= FIRST && status <= LAST ? status - FIRST + 1 : 0;
    Timer timer = timers.get(index);
    if (timer == null) {
      // Registering twice returns the same timer; losing this race costs nothing.
      timer = Timer.builder(name).description(description).tags(tags)
        .tag("status", index == 0 ? "closed" : String.valueOf(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
      timers.set(index, timer);
    }
    return timer;
  }

  public void record(int status, long nanos) {
    timer(status).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
