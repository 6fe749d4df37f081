package dev.verve.fn;

import dev.verve.fn.impl.MappedStream;
import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;
import io.vertx.serviceproxy.ServiceException;

import java.util.function.Function;

/**
 * The body of a stream function's declaration. vertx-service-proxy cannot carry a {@code ReadStream}, so a
 * stream function is declared {@code @GenIgnore} and {@code default} (its proxy and handler skip it), and
 * Verve generates its plumbing:
 *
 * <pre>{@code
 * @GenIgnore // a stream: served by Verve, skipped by vertx-service-proxy
 * default Future<ReadStream<Integer>> count(int to) {
 *   return Streams.declared();
 * }
 * }</pre>
 *
 * The implementation overrides it; {@code verve.proxy(...)}, the Java HTTP client and HTTP serve it. Only a
 * raw {@code ServiceProxyBuilder} proxy, which knows nothing of streams, ever reaches this body.
 */
public final class Streams {

  private Streams() {
  }

  /** A failed future (501) saying where the stream is served. */
  public static <T> Future<ReadStream<T>> declared() {
    return Future.failedFuture(new ServiceException(501, "A stream function is served by Verve: call it through"
      + " verve.proxy(...), the generated HTTP client or POST <api.prefix>/<Interface>/<method>"));
  }

  /**
   * {@code source}'s items through {@code mapper}, with its back-pressure ({@code pause}, {@code fetch} go to
   * {@code source}); when Verve stops the stream it closes {@code source} (a {@code MessageConsumer} is
   * unregistered, a {@code RowStream} closed).
   */
  public static <A, B> ReadStream<B> map(ReadStream<A> source, Function<? super A, ? extends B> mapper) {
    return new MappedStream<>(source, mapper);
  }
}
