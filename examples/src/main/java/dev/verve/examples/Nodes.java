package dev.verve.examples;

import dev.verve.ServerFunctions;
import dev.verve.auth.AnonymousAllowed;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;

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
}
