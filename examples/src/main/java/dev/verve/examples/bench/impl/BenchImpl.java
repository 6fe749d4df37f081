package dev.verve.examples.bench.impl;

import dev.verve.examples.bench.Bench;
import dev.verve.examples.bench.Doubled;
import dev.verve.examples.bench.FortuneSource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

public class BenchImpl implements Bench {

  @Override
  public Future<JsonArray> fortunes() {
    return FortuneSource.fortunes();
  }

  @Override
  public Future<Doubled> doubleNumber(int number) {
    return Future.succeededFuture(new Doubled(number * 2L));
  }
}
