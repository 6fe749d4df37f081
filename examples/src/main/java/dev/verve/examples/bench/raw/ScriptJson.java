package dev.verve.examples.bench.raw;

/**
 * Encoded JSON made safe inside {@code <script type="application/json">}, the way the workload asks:
 * {@code <} {@code >} {@code &} U+2028 U+2029 become {@code \}{@code uXXXX}. The JSON still parses to the
 * same value, and {@code </script>} cannot end the element.
 */
public final class ScriptJson {

  private ScriptJson() {
  }

  public static String escape(String json) {
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c != '<' && c != '>' && c != '&' && c != '\u2028' && c != '\u2029') continue;
      if (out == null) out = new StringBuilder(json.length() + 32);
      out.append(json, copied, i).append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15])
        .append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
      copied = i + 1;
    }
    return out == null ? json : out.append(json, copied, json.length()).toString();
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();
}
