package dev.verve.examples.bench.jmh;

import dev.verve.examples.bench.BenchVerveDescriptor;
import dev.verve.fn.MethodDescriptor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Argument validation of a server-function call, as the HTTP route does it before the event bus (steps 4-5
 * of the flow): {@code Bench.doubleNumber(int number)} against its generated descriptor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValidationBenchmark {

  private final MethodDescriptor doubleNumber = BenchVerveDescriptor.DESCRIPTOR.method("doubleNumber");
  private final JsonObject valid = new JsonObject().put("number", 21);
  private final JsonObject invalid = new JsonObject().put("number", 2.7).put("extra", true);
  private final Buffer body = Buffer.buffer("{\"number\": 21}");

  /** A valid call: one parameter checked, no unknown member. */
  @Benchmark
  public List<MethodDescriptor.ArgumentError> validate() {
    return doubleNumber.validate(valid);
  }

  /** An invalid call: two errors collected (a fraction for an int, an unknown member). */
  @Benchmark
  public List<MethodDescriptor.ArgumentError> validateInvalid() {
    return doubleNumber.validate(invalid);
  }

  /** What the route does per call: parse the body, then validate it. */
  @Benchmark
  public List<MethodDescriptor.ArgumentError> parseAndValidate() {
    return doubleNumber.validate((JsonObject) Json.decodeValue(body));
  }
}
