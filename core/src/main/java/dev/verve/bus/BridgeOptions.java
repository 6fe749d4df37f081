package dev.verve.bus;

import dev.verve.config.ConfigKeys;
import dev.verve.http.HttpOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The browsers' event-bus bridge's part of the settings ({@code eventbus.*} in {@link ConfigKeys}). */
public class BridgeOptions {

  private List<String> outbound = List.of();
  private List<String> inbound = List.of();
  private int maxAddressLength = (int) (long) ConfigKeys.EVENTBUS_MAX_ADDRESS_LENGTH.defaultValue();
  private int maxHandlersPerSocket = (int) (long) ConfigKeys.EVENTBUS_MAX_HANDLERS_PER_SOCKET.defaultValue();

  /** Reads the {@code eventbus.*} keys of a merged config (flat, dotted keys). */
  public static BridgeOptions fromConfig(JsonObject config) {
    return new BridgeOptions()
      .setOutbound(ConfigKeys.EVENTBUS_OUTBOUND.get(config))
      .setInbound(ConfigKeys.EVENTBUS_INBOUND.get(config))
      .setMaxAddressLength(ConfigKeys.EVENTBUS_MAX_ADDRESS_LENGTH.getInt(config))
      .setMaxHandlersPerSocket(ConfigKeys.EVENTBUS_MAX_HANDLERS_PER_SOCKET.getInt(config));
  }

  public List<String> getOutbound() { return outbound; }

  /**
   * {@code eventbus.outbound}: addresses the browser may receive from through the bridge: exact names, or
   * regular expressions written {@code regex:counter\\..*}, optionally followed by {@code role:<role>}.
   * Empty by default: nothing passes.
   */
  public BridgeOptions setOutbound(List<String> outbound) {
    this.outbound = List.copyOf(outbound);
    return this;
  }

  public List<String> getInbound() { return inbound; }

  /** {@code eventbus.inbound}: addresses the browser may send or publish to; same forms; empty by default. */
  public BridgeOptions setInbound(List<String> inbound) {
    this.inbound = List.copyOf(inbound);
    return this;
  }

  public int getMaxAddressLength() { return maxAddressLength; }

  /** {@code eventbus.maxAddressLength}: longest address a bridge socket may name; default 128. */
  public BridgeOptions setMaxAddressLength(int maxAddressLength) {
    this.maxAddressLength = (int) HttpOptions.positive("eventbus.maxAddressLength", maxAddressLength);
    return this;
  }

  public int getMaxHandlersPerSocket() { return maxHandlersPerSocket; }

  /** {@code eventbus.maxHandlersPerSocket}: addresses one bridge socket may listen to at once; default 100. */
  public BridgeOptions setMaxHandlersPerSocket(int maxHandlersPerSocket) {
    this.maxHandlersPerSocket = (int) HttpOptions.positive("eventbus.maxHandlersPerSocket", maxHandlersPerSocket);
    return this;
  }
}
