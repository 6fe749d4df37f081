package dev.verve.codegen.pages;

/** Something the compiler leaves to the runtime engine, with the template and line it is at. */
final class Unsupported extends Exception {

  Unsupported(String template, int line, String what) {
    super(template + ".hbs:" + line + ": " + what);
  }
}
