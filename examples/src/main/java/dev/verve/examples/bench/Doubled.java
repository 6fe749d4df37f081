package dev.verve.examples.bench;

import io.vertx.codegen.annotations.DataObject;
import io.vertx.core.json.JsonObject;

/** The result of {@link Bench#doubleNumber}: travels as {@code {"result": 42}}. */
@DataObject
public class Doubled {

  private final long result;

  public Doubled(long result) {
    this.result = result;
  }

  public Doubled(JsonObject json) {
    this(json.getLong("result", 0L));
  }

  public JsonObject toJson() {
    return new JsonObject().put("result", result);
  }

  public long getResult() {
    return result;
  }
}
