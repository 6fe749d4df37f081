package dev.verve.examples.bench;

import dev.verve.ServerFunctions;
import dev.verve.auth.AnonymousAllowed;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

/**
 * The server functions of the benchmark workload (the shared peers' WORKLOAD.md).
 *
 * <p>The workload's {@code POST /api/double} is served as {@code POST /api/Bench/doubleNumber}: Verve's
 * URLs are {@code <api.prefix>/<Interface>/<method>} and {@code double} is a Java keyword. Request and
 * response bytes are the workload's: {@code {"number": 21}} gives {@code {"result":42}}.
 */
@AnonymousAllowed
@ServerFunctions
@ProxyGen
@VertxGen
public interface Bench {

  /**
   * The async in-memory data source: the 12 fortunes as fresh {@code {"id", "message"}} objects on every
   * call, as a database driver decoding rows would give them.
   */
  Future<JsonArray> fortunes();

  /** {@code number * 2}, as {@code {"result": ...}}. */
  Future<Doubled> doubleNumber(int number);
}
