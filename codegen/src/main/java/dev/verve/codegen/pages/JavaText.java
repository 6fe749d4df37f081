package dev.verve.codegen.pages;

/** Java source text for values the compiler writes. */
final class JavaText {

  private JavaText() {
  }

  /** A string literal for {@code s}: any char outside printable ASCII as a {@code \}{@code uXXXX} escape. */
  static String literal(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"').toString();
  }

  /** A Java identifier part from a template or root name ({@code todo-item} gives {@code TodoItem}). */
  static String identifier(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isJavaIdentifierPart(c) && c != '$' && c != '_') {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        if (c == '/') out.append('_');
        upper = true;
      }
    }
    if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) out.insert(0, 'T');
    return out.toString();
  }
}
