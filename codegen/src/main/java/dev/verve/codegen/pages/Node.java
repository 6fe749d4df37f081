package dev.verve.codegen.pages;

import java.util.List;
import java.util.Map;

/** A template as the compiler sees it, read from handlebars.java's own parse (see {@link HbsReader}). */
interface Node {

  /** Literal text, after handlebars.java's whitespace control and standalone-line rules. */
  record Text(String text) implements Node { }

  /** {@code {{path}}} (escaped) or {@code {{{path}}}} / {@code {{& path}}}. */
  record Var(Steps path, boolean escape) implements Node { }

  /** A block of one of the built-in helpers, or a Mustache section; {@code value} is what it tests. */
  record Block(Kind kind, Param value, List<Node> body, List<Node> inverse) implements Node { }

  /** {@code {{> name context key=value}}} or {@code {{#> name}}block{{/name}}}. */
  record Partial(String name, String indent, Steps context, Map<String, Param> hash, List<Node> block,
                 int line) implements Node { }

  enum Kind { EACH, IF, UNLESS, WITH, SECTION, INVERTED }

  /** A helper's argument: a path to look up, or a literal. */
  record Param(Steps path, Object literal) { }

  /** A path as {@code dev.verve.page.compiled.Path.of} takes it ({@code "p:title"}, {@code "d:@index"}). */
  record Steps(List<String> codes) { }
}
