package dev.verve.examples.bench.jmh;

import dev.verve.examples.bench.FortuneSource;
import dev.verve.examples.bench.raw.ScriptJson;
import dev.verve.page.impl.StateWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The page state of the fortunes page (13 rows, one of them {@code <script>...}) written as JSON that is
 * safe inside {@code <script type="application/json">}: Verve's {@code StateWriter} (one Jackson pass with
 * {@code CharacterEscapes}) against the baseline's encode-then-replace.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StateEscapeBenchmark {

  private JsonObject state;
  private Map<String, Object> pageState;

  @Setup
  public void setUp() {
    JsonArray fortunes = FortuneSource.withAdditionalSorted(FortuneSource.rows());
    state = new JsonObject().put("fortunes", fortunes);
    pageState = new LinkedHashMap<>();
    pageState.put("fortunes", fortunes);
  }

  /** Verve's page state, as the page handler writes it. */
  @Benchmark
  public String verve() {
    return StateWriter.write(pageState);
  }

  /** The baseline's way (and the peers'): encode with Vert.x, then a second pass replacing the characters. */
  @Benchmark
  public String encodeThenEscape() {
    return ScriptJson.escape(state.encode());
  }
}
