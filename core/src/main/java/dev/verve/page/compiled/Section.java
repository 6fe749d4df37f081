package dev.verve.page.compiled;

/** A compiled block body: generated code passes its static methods ({@code Page::b3}) to {@link Scope}. */
@FunctionalInterface
public interface Section {

  Section EMPTY = (out, scope) -> { };

  void render(Html out, Scope scope);
}
