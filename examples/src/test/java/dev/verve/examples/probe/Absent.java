package dev.verve.examples.probe;

import dev.verve.ServerFunctions;
import dev.verve.auth.AnonymousAllowed;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;

/** Exposed over HTTP but registered nowhere: calls answer 503. */
@AnonymousAllowed
@ServerFunctions
@ProxyGen
@VertxGen
public interface Absent {

  Future<String> hello();
}
