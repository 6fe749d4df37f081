package dev.verve.fn.impl;

/** Names that came from a client (a URL's segment, a message's action), made safe to echo in a detail. */
final class Names {

  private Names() {
  }

  /** At most 64 characters, anything but letters, digits and {@code _$.-} shown as {@code ?}. */
  static String printable(String s) {
    if (s == null) return "";
    String t = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    return t.replaceAll("[^\\p{Alnum}_$.\\-]", "?");
  }
}
