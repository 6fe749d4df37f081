package dev.verve.page.compiled;

import java.util.List;

/** One template compiled to Java, its partials included. */
public interface CompiledTemplate {

  /** The template's name in its root, as a page names it ({@code "fortunes"}, {@code "admin/users"}). */
  String name();

  /**
   * The templates whose text this code was compiled from (this one, then the partials it uses), and
   * {@link #sourceHash()} over their text: the page path compares them with the class path at start, so
   * a template edited after the last compile is never served from stale code.
   */
  List<String> sources();

  int sourceHash();

  /** Renders with {@code model} as the root context. */
  void render(Object model, Html out);

  /** The hash {@link #sourceHash()} is, over the templates' text in {@link #sources()} order. */
  static int hash(List<String> texts) {
    int h = 1;
    for (String text : texts) h = 31 * h + text.hashCode();
    return h;
  }
}
