package dev.verve.codegen.pages;

/** Java identifiers for template and root names (string literals: {@code dev.verve.codegen.Literals}). */
final class JavaText {

  private JavaText() {
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
