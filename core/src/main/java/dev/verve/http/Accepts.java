package dev.verve.http;

import java.util.Locale;

/**
 * Whether a request prefers an HTML page to JSON, from its {@code Accept}: a browser navigating (a form
 * posted without JavaScript) sends {@code text/html,...,*}{@code /*;q=0.8}; {@code fetch}, curl and the
 * Java client send {@code *}{@code /*} or ask for JSON.
 */
public final class Accepts {

  private Accepts() {
  }

  public static boolean prefersHtml(String accept) {
    if (accept == null) return false;
    double html = -1, json = -1, any = -1;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = quality(parts);
      switch (type) {
        case "text/html": case "application/xhtml+xml": html = Math.max(html, q); break;
        case "application/json": case "application/problem+json": json = Math.max(json, q); break;
        case "*/*": case "application/*": any = Math.max(any, q); break;
        default: break;
      }
    }
    return html > 0 && html > (json >= 0 ? json : any);
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
