package dev.verve.codegen.pages;

import dev.verve.codegen.Literals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Compiles one template, and the partials it uses, to the Java source of a
 * {@code dev.verve.page.compiled.CompiledTemplate}. Every template body becomes a static method
 * {@code (Html, Scope)}: text is a UTF-8 constant, a value is a looked-up {@code Path} written escaped or
 * raw, a block passes its body's method to the {@code Scope} helper that does what handlebars.java's
 * helper does. Partials are compiled into the same class, once per indentation and per partial block they
 * are given, so {@code {{> @partial-block}}} is a plain call too.
 */
final class PageCompiler {

  private static final int MAX_DEPTH = 32; // partials nested deeper than this are taken for recursion
  private static final int CHUNK = 8000;   // chars per string literal, well under the class-file limit

  private final String template;
  private final Function<String, String> sources;
  private final List<String> used = new ArrayList<>();
  private final Map<String, String> texts = new LinkedHashMap<>();   // text -> constant name
  private final Map<String, String> paths = new LinkedHashMap<>();   // path codes -> constant name
  private final List<String> literals = new ArrayList<>();           // constant declarations
  private final Map<String, String> partials = new LinkedHashMap<>();// partial key -> method
  private final StringBuilder methods = new StringBuilder();
  private String className;
  private int methodCount;

  /** {@code sources} gives a template's text by name, or null. */
  PageCompiler(String template, Function<String, String> sources) {
    this.template = template;
    this.sources = sources;
  }

  /** A partial block in scope: its nodes, and the partial block that was in scope where it was written. */
  private record Binding(List<Node> nodes, Binding outer) { }

  /** The Java source of {@code packageName.className}, or {@link Unsupported}. */
  String compile(String packageName, String className) throws Unsupported {
    this.className = className;
    String text = source(template, 0);
    String main = method(new HbsReader(template).read(text), null, template, 0);
    List<String> hashed = new ArrayList<>();
    for (String name : used) hashed.add(sources.apply(name));
    StringBuilder java = new StringBuilder();
    java.append("package ").append(packageName).append(";\n\n")
      .append("import dev.verve.page.compiled.CompiledTemplate;\n")
      .append("import dev.verve.page.compiled.Html;\n")
      .append("import dev.verve.page.compiled.Path;\n")
      .append("import dev.verve.page.compiled.Scope;\n")
      .append("import dev.verve.page.compiled.Section;\n\n")
      .append("/** Compiled from ").append(template).append(".hbs by verve-codegen; do not edit. */\n")
      .append("@javax.annotation.processing.Generated(\"dev.verve.codegen.pages.TemplateProcessor\")\n")
      .append("public final class ").append(className).append(" implements CompiledTemplate {\n\n");
    for (String literal : literals) java.append("  ").append(literal).append('\n');
    java.append("  private static final java.util.List<String> SOURCES = java.util.List.of(")
      .append(String.join(", ", used.stream().map(Literals::quote).toList())).append(");\n\n")
      .append("  @Override public String name() { return ").append(Literals.quote(template)).append("; }\n")
      .append("  @Override public java.util.List<String> sources() { return SOURCES; }\n")
      .append("  @Override public int sourceHash() { return ").append(hash(hashed)).append("; }\n")
      .append("  @Override public void render(Object model, Html out) { ").append(main)
      .append("(out, new Scope(model)); }\n")
      .append(methods)
      .append("}\n");
    return java.toString();
  }

  // The same hash as CompiledTemplate.hash, computed here so codegen needs no runtime class.
  private static int hash(List<String> texts) {
    int h = 1;
    for (String text : texts) h = 31 * h + text.hashCode();
    return h;
  }

  private String source(String name, int line) throws Unsupported {
    String text = sources.apply(name);
    if (text == null) throw new Unsupported(template, line, "the partial " + name + " is not in the template root");
    if (!used.contains(name)) used.add(name);
    return text;
  }

  // A method rendering `nodes`; `binding` is what {{> @partial-block}} means inside them.
  private String method(List<Node> nodes, Binding binding, String where, int depth) throws Unsupported {
    if (nodes.isEmpty()) return null;
    String name = "m" + methodCount++;
    StringBuilder body = new StringBuilder();
    for (Node node : nodes) statement(node, binding, where, depth, body);
    methods.append("\n  static void ").append(name).append("(Html o, Scope s) {\n").append(body).append("  }\n");
    return name;
  }

  private void statement(Node node, Binding binding, String where, int depth, StringBuilder out) throws Unsupported {
    if (node instanceof Node.Text text) {
      out.append("    o.raw(").append(text(text.text())).append(");\n");
    } else if (node instanceof Node.Var var) {
      out.append("    o.").append(var.escape() ? "escaped" : "unescaped").append("(s.get(")
        .append(path(var.path())).append("));\n");
    } else if (node instanceof Node.Block block) {
      String helper = switch (block.kind()) {
        case EACH -> "each";
        case IF -> "when";
        case UNLESS, INVERTED -> "unless";
        case WITH -> "with";
        case SECTION -> "section";
      };
      out.append("    s.").append(helper).append("(o, ").append(value(block.value())).append(", ")
        .append(section(method(block.body(), binding, where, depth))).append(", ")
        .append(section(method(block.inverse(), binding, where, depth))).append(");\n");
    } else if (node instanceof Node.Partial partial) {
      out.append(partial(partial, binding, where, depth));
    } else {
      throw new IllegalStateException("Unknown node " + node);
    }
  }

  private String partial(Node.Partial partial, Binding binding, String where, int depth) throws Unsupported {
    if (depth > MAX_DEPTH) throw new Unsupported(where, partial.line(), "partials nested too deep (recursion?)");
    String target;
    if (partial.name().equals("@partial-block")) {
      if (binding == null) {
        throw new Unsupported(where, partial.line(), "{{> @partial-block}} outside a partial given a block",
          depth == 0);
      }
      // The block renders with the partial block of the place it was written (handlebars.java's forwarding).
      target = method(binding.nodes(), binding.outer(), where, depth + 1);
    } else if (sources.apply(partial.name()) == null && partial.block() != null) {
      // No such partial: handlebars.java renders the block in its place.
      target = method(partial.block(), new Binding(partial.block(), binding), where, depth + 1);
      if (target == null) target = "";
    } else {
      String text = source(partial.name(), partial.line());
      if (partial.indent() != null) text = indent(text, partial.indent());
      Binding inner = partial.block() == null ? null : new Binding(partial.block(), binding);
      String key = partial.name() + "\u0000" + partial.indent();
      target = inner == null ? partials.get(key) : null;
      if (target == null) {
        target = method(new HbsReader(partial.name()).read(text), inner, partial.name(), depth + 1);
        if (target == null) target = "";
        if (inner == null) partials.put(key, target);
      }
    }
    StringBuilder call = new StringBuilder("    s.partial(o, ").append(path(partial.context()));
    if (!partial.hash().isEmpty()) {
      List<String> keys = new ArrayList<>();
      List<String> values = new ArrayList<>();
      boolean constant = true;
      for (Map.Entry<String, Node.Param> e : partial.hash().entrySet()) {
        keys.add(Literals.quote(e.getKey()));
        values.add(value(e.getValue()));
        constant &= e.getValue().path() == null;
      }
      call.append(", ").append(constant("String[]", "new String[] {" + String.join(", ", keys) + "}")).append(", ");
      String array = "new Object[] {" + String.join(", ", values) + "}";
      call.append(constant ? constant("Object[]", array) : array);
    }
    return call.append(", ").append(section(target.isEmpty() ? null : target)).append(");\n").toString();
  }

  // handlebars.java indents every line of a standalone partial by the partial tag's indentation.
  private static String indent(String input, String indent) {
    StringBuilder buffer = new StringBuilder(input.length() + indent.length()).append(indent);
    int len = input.length();
    for (int i = 0; i < len; i++) {
      char ch = input.charAt(i);
      buffer.append(ch);
      if (ch == '\n' && i < len - 1) buffer.append(indent);
    }
    return buffer.toString();
  }

  private String section(String method) {
    return method == null ? "Section.EMPTY" : className + "::" + method;
  }

  private String value(Node.Param param) {
    if (param.path() != null) return "s.get(" + path(param.path()) + ")";
    Object literal = param.literal();
    if (literal instanceof String s) return constant("Object", Literals.quote(s));
    if (literal instanceof Integer || literal instanceof Boolean) return constant("Object", literal.toString());
    if (literal instanceof Long) return constant("Object", literal + "L");
    if (literal instanceof Double) return constant("Object", literal + "d");
    return constant("Object", "null");
  }

  private String text(String text) {
    return texts.computeIfAbsent(text, t -> {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < t.length(); i += CHUNK) {
        int end = Math.min(t.length(), i + CHUNK);
        if (end < t.length() && Character.isHighSurrogate(t.charAt(end - 1))) end--;
        parts.add(Literals.quote(t.substring(i, end)));
        i = end - CHUNK;
      }
      String name = "T" + texts.size();
      literals.add("private static final byte[] " + name + " = Html.utf8(" + String.join(", ", parts) + ");");
      return name;
    });
  }

  private String path(Node.Steps steps) {
    return paths.computeIfAbsent(String.join("\u0000", steps.codes()), key -> {
      String name = "P" + paths.size();
      literals.add("private static final Path " + name + " = Path.of("
        + String.join(", ", steps.codes().stream().map(Literals::quote).toList()) + ");");
      return name;
    });
  }

  private int constants;

  private String constant(String type, String expression) {
    String name = "C" + constants++;
    literals.add("private static final " + type + " " + name + " = " + expression + ";");
    return name;
  }
}
