package dev.verve.page.impl;

/**
 * Puts the state block and the runtime into a rendered page, so template authors never have to: both go
 * right before {@code </body>} (or at the end if there is none).
 */
public final class PageAssembly {

  static final String RUNTIME = "<script type=\"module\" src=\"/verve/verve.js\"></script>";
  /** Dev mode's own script, after the runtime: the page reloads itself when the app or a template changes. */
  static final String DEV_SCRIPT = "<script type=\"module\" src=\"/verve/dev.js\"></script>";

  private PageAssembly() {
  }

  public static String insert(String html, String stateJson) {
    return insert(html, stateJson, false);
  }

  /** {@code dev}: with dev mode's script too. */
  public static String insert(String html, String stateJson, boolean dev) {
    String block = "<script type=\"application/json\" id=\"verve-state\">" + stateJson + "</script>" + RUNTIME
      + (dev ? DEV_SCRIPT : "");
    int body = lastIndexOfIgnoreCase(html, "</body>");
    if (body < 0) {
      return html + block;
    }
    return new StringBuilder(html.length() + block.length())
      .append(html, 0, body).append(block).append(html, body, html.length()).toString();
  }

  private static int lastIndexOfIgnoreCase(String html, String tag) {
    for (int i = html.length() - tag.length(); i >= 0; i--) {
      if (html.regionMatches(true, i, tag, 0, tag.length())) return i;
    }
    return -1;
  }
}
