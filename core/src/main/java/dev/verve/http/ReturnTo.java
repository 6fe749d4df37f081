package dev.verve.http;

/**
 * Where to send a browser after signing in: a path on this site, never another site. {@code //evil.example}
 * and {@code /\evil.example} are absolute URLs to browsers, so they are refused like {@code https://...}.
 */
public final class ReturnTo {

  private ReturnTo() {
  }

  public static String safe(String returnTo) {
    if (returnTo == null || returnTo.isEmpty() || returnTo.length() > 2000 || returnTo.charAt(0) != '/') return "/";
    if (returnTo.length() > 1 && (returnTo.charAt(1) == '/' || returnTo.charAt(1) == '\\')) return "/";
    for (int i = 0; i < returnTo.length(); i++) {
      char c = returnTo.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') return "/";
    }
    return returnTo;
  }
}
