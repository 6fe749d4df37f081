package dev.verve.codegen.pages;

/** Something the compiler leaves to the runtime engine, with the template and line it is at. */
final class Unsupported extends Exception {

  /** The template renders {@code {{> @partial-block}}} itself: a layout, not a page. */
  final boolean layout;

  Unsupported(String template, int line, String what) {
    this(template, line, what, false);
  }

  Unsupported(String template, int line, String what, boolean layout) {
    super(template + ".hbs:" + line + ": " + what);
    this.layout = layout;
  }
}
