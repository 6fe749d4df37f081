package dev.verve.codegen;

/**
 * The string literals of everything verve-codegen writes: the Java of the descriptors, HTTP clients and compiled
 * pages ({@code dev.verve.codegen.pages} uses it too, hence public), the JavaScript modules, their TypeScript
 * declarations and the OpenAPI JSON. One escaping is valid in all four:
 * <ul>
 *   <li>{@code "} and {@code \} with a backslash;</li>
 *   <li>newline, carriage return and tab as {@code \n}, {@code \r}, {@code \t} (never as a {@code \}{@code u}
 *   escape: javac translates those before it reads the literal, and a translated line break ends it);</li>
 *   <li>as a {@code \}{@code uXXXX} escape: every other char below U+0020, every char from U+007F on (the
 *   output is ASCII, so the writer's encoding cannot change it; U+2028 and U+2029 end a line in older
 *   JavaScript), and {@code <}, so a literal inside a {@code <script>} element cannot close it.</li>
 * </ul>
 */
public final class Literals {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Literals() {
  }

  /** {@code s} as a quoted string literal. */
  public static String quote(String s) {
    return quote(s, new StringBuilder(s.length() + 2)).toString();
  }

  /** Appends {@code s} as a quoted string literal to {@code out}, and returns {@code out}. */
  public static StringBuilder quote(CharSequence s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20 || c >= 0x7f || c == '<') {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
              .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"');
  }
}
