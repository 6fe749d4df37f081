package dev.verve.bus.impl;

/**
 * {@code user.<id>.<anything>}: published by server code for one user ({@code "user." + caller.id() +
 * ".todos"}), delivered by the bridge only to that user's sockets.
 */
final class UserAddresses {

  static final String REGEX = "user\\.[^.]+\\..+";
  private static final String PREFIX = "user.";

  private UserAddresses() {
  }

  /** The user id an address belongs to, or null when it is not a per-user address. */
  static String owner(String address) {
    if (!address.startsWith(PREFIX)) return null;
    int dot = address.indexOf('.', PREFIX.length());
    if (dot <= PREFIX.length() || dot == address.length() - 1) return null;
    return address.substring(PREFIX.length(), dot);
  }
}
