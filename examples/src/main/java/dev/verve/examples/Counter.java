package dev.verve.examples;

import dev.verve.ServerFunctions;
import dev.verve.auth.AnonymousAllowed;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;

/** The counter of the Dioxus guide: its server-side half. */
// tag::counter[]
@AnonymousAllowed
@ServerFunctions
@ProxyGen
@VertxGen
public interface Counter {

  /** The "Double" button: a second of (non-blocking) work, then {@code number * 2}. */
  Future<Integer> doubleServer(int number);

  /** {@code "Hello from the server!"}. */
  Future<String> getServerData();

  /** One more high-five: increments the total shared by every visitor and publishes it on {@value #TOTAL_ADDRESS}. */
  Future<Integer> highFive();

  /** The shared total so far. */
  Future<Integer> highFives();

  /** Where every new total is published. */
  String TOTAL_ADDRESS = "counter.total";
}
// end::counter[]
