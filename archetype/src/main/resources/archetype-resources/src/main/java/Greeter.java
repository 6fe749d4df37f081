package ${package};

import dev.verve.ServerFunctions;
import dev.verve.auth.AnonymousAllowed;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;

/**
 * A server function: {@code POST /api/Greeter/greet} with {@code {"name":"Ada"}} answers
 * {@code "Hello, Ada!"}. Verve checks the arguments against this interface before the call reaches
 * {@link ${package}.impl.GreeterImpl}.
 */
@AnonymousAllowed
@ServerFunctions
@ProxyGen
@VertxGen
public interface Greeter {

  /** {@code "Hello, <name>!"}; a blank name fails with 400. */
  Future<String> greet(String name);
}
