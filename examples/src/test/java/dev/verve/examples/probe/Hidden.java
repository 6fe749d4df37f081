package dev.verve.examples.probe;

import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;

/** A plain event-bus service without {@code @ServerFunctions}: never reachable over HTTP. */
@ProxyGen
@VertxGen
public interface Hidden {

  Future<String> secret();
}
