package dev.verve.fn;

import dev.verve.fn.impl.StreamReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

import java.util.function.Function;

/**
 * Opens a stream function over the event bus, on whichever node serves its interface: what
 * {@code verve.proxy(...)}'s generated stream methods call. Items cross with credit-based flow control (the
 * reading side grants items as its own reader takes them), so pausing the returned stream pauses the
 * source, on any node; a source gone silent longer than {@code api.streamIdleTimeout} fails the stream.
 */
public final class StreamCalls {

  private StreamCalls() {
  }

  /**
   * Calls {@code method} of the interface served at {@code address} with {@code args} (JSON, as the
   * event-bus proxy sends them); each item is decoded by {@code decoder}. The future fails before the first
   * item (refused access, invalid arguments, a failed future of the function) like a call's reply does.
   */
  public static <T> Future<ReadStream<T>> open(Vertx vertx, String address, DeliveryOptions options, String method,
                                               JsonObject args, Function<Object, T> decoder) {
    return StreamReader.open(vertx, address, options, method, args, decoder);
  }
}
