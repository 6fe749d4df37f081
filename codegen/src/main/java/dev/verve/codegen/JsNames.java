package dev.verve.codegen;

import java.util.Collection;
import java.util.Set;

/**
 * Java names that cannot be JavaScript bindings. A Java parameter may be called {@code delete} or
 * {@code function}; an ES module (always strict) may not declare those, nor {@code arguments}/{@code eval},
 * nor shadow the imported {@code call} and {@code stream}.
 */
final class JsNames {

  private static final Set<String> RESERVED = Set.of(
    "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
    "delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally", "for", "function", "if",
    "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "package", "private",
    "protected", "public", "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof",
    "var", "void", "while", "with", "yield",
    "call", "stream"); // the runtime functions the modules import

  private JsNames() {
  }

  static boolean isSafe(String name) {
    return !RESERVED.contains(name);
  }

  /** {@code name} if it can be a binding, else {@code name_} (lengthened until no name in {@code taken}). */
  static String binding(String name, Collection<String> taken) {
    if (isSafe(name)) {
      return name;
    }
    String safe = name + "_";
    while (taken.contains(safe)) {
      safe += "_";
    }
    return safe;
  }
}
