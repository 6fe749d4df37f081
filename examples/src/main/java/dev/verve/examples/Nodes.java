package dev.verve.examples;

import dev.verve.ServerFunctions;
import dev.verve.auth.AnonymousAllowed;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;
import io.vertx.codegen.annotations.GenIgnore;
import dev.verve.fn.Streams;

/**
 * Which node served a call: in a cluster with several function nodes, {@code POST /api/Nodes/whoami} on
 * the web node answers from each of them in turn (see the README's "Scaling out").
 */
@AnonymousAllowed
@ServerFunctions
@ProxyGen
@VertxGen
public interface Nodes {

  /** The serving node's role and process, e.g. {@code "functions node, pid 4242"}. */
  Future<String> whoami();

  /**
   * {@link #whoami()} again every {@code everyMs} (50 to 60,000) until the reader stops: which node serves a
   * stream, and a stream that fails at its reader when that node dies.
   */
  @GenIgnore // a stream: served by Verve, skipped by vertx-service-proxy
  default Future<ReadStream<String>> watch(int everyMs) {
    return Streams.declared();
  }
}
