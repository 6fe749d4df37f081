package dev.verve.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import java.util.List;

/**
 * Who is at the other end of a request, for limits that count per client: the socket's address, or, when
 * that is a proxy listed in {@code http.trustedProxies}, the last address of {@code X-Forwarded-For} that
 * is not one (the one the trusted proxy saw). A client cannot choose its address by sending the header.
 */
public final class ClientAddress {

  private ClientAddress() {
  }

  public static String of(HttpServerRequest request, List<String> trustedProxies) {
    SocketAddress remote = request.remoteAddress();
    String peer = remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) return peer;
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null) return peer;
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) return hop.length() > 64 ? hop.substring(0, 64) : hop;
    }
    return peer;
  }
}
