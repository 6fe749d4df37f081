package dev.verve.page.impl;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;

/**
 * Handlebars' default {@code {{...}}} escaping ({@code & < > " ' ` =}, the same output) in one pass over
 * the characters. jknack's default goes through {@code LookupTranslator}'s substring lookups, which
 * measured about a third of the fortunes page's CPU; this halves the render time.
 */
final class HtmlEscaping implements EscapingStrategy {

  @Override
  public CharSequence escape(CharSequence value) {
    if (value instanceof Handlebars.SafeString) return ((Handlebars.SafeString) value).content;
    if (value == null || value.length() == 0) return "";
    int n = value.length();
    int i = 0;
    while (i < n && replacement(value.charAt(i)) == null) i++;
    if (i == n) return value;
    StringBuilder out = new StringBuilder(n + 16).append(value, 0, i);
    for (; i < n; i++) {
      char c = value.charAt(i);
      String r = replacement(c);
      if (r == null) out.append(c); else out.append(r);
    }
    return out;
  }

  private static String replacement(char c) {
    switch (c) {
      case '&': return "&amp;";
      case '<': return "&lt;";
      case '>': return "&gt;";
      case '"': return "&quot;";
      case '\'': return "&#x27;";
      case '`': return "&#x60;";
      case '=': return "&#x3D;";
      default: return null;
    }
  }
}
