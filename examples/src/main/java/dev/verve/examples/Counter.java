package dev.verve.examples;

import dev.verve.ServerFunctions;
import dev.verve.auth.AnonymousAllowed;
import dev.verve.fn.Streams;
import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;

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

  /** The integers 1..{@code to} (1 to 10,000,000), as fast as the reader takes them. */
  @GenIgnore // a stream: served by Verve, skipped by vertx-service-proxy
  default Future<ReadStream<Integer>> count(int to) {
    return Streams.declared();
  }

  int MAX_COUNT = 10_000_000;

  /** Where every new total is published. */
  String TOTAL_ADDRESS = "counter.total";
}
// end::counter[]
