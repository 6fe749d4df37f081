package dev.verve;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @ProxyGen @VertxGen} interface as a set of server functions: Verve serves it on the
 * event bus and over HTTP at {@code POST /api/<InterfaceSimpleName>/<method>}, and {@code verve-codegen}
 * generates its descriptor, a Java HTTP client and a JS module.
 *
 * <p>An interface without this annotation is never reachable over HTTP (deny by default).
 *
 * <pre>{@code
 * @ServerFunctions @ProxyGen @VertxGen
 * public interface Counter {
 *   Future<Integer> doubleServer(int number);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServerFunctions {

  /**
   * The event-bus address the functions are served on; empty means the interface's fully-qualified
   * name.
   */
  String address() default "";
}
