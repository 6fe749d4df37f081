package dev.verve.test;

import java.util.List;

/**
 * An event-bus address as a browser sees it through the bridge ({@code /eventbus/websocket}): the bodies
 * published to it, in order. Made by {@link TestApp#subscribe}, which returns once the bridge has taken
 * the registration, and fails if the bridge refuses it (an address not in {@code eventbus.outbound}, another
 * user's {@code user.<id>.*} address). It pings the bridge as the browser runtime does, so it stays open.
 */
public interface BusSubscription extends AutoCloseable {

  /** The next body delivered (a JSON value: {@code JsonObject}, {@code Integer}, ...), waiting at most 10 s. */
  Object next();

  /** Every body delivered so far. */
  List<Object> received();

  /** Closes the socket. */
  @Override
  void close();
}
