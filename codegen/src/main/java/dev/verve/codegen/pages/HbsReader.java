package dev.verve.codegen.pages;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.PathCompiler;
import com.github.jknack.handlebars.PathExpression;
import com.github.jknack.handlebars.TagType;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.StringTemplateSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a template through handlebars.java's own parser and turns its tree into {@link Node}s. Using the
 * reference parser (not a second one) is what makes whitespace control, standalone lines, set delimiters
 * and partial indentation come out byte for byte the same. Its tree classes are package-private, so
 * their fields are read reflectively, at build time only; anything not recognised is {@link Unsupported}.
 */
final class HbsReader {

  private static final Set<String> BLOCK_HELPERS = Set.of("each", "if", "unless", "with");

  // Parsed as Verve's runtime engine parses (pretty printing off: standalone lines keep their whitespace).
  private final Handlebars handlebars = new Handlebars().prettyPrint(false);
  private final String template;

  HbsReader(String template) {
    this.template = template;
  }

  /** The nodes of {@code text}, named {@code name} in messages. */
  List<Node> read(String text) throws Unsupported {
    Template root;
    try {
      root = handlebars.compile(new StringTemplateSource(template + ".hbs", text));
    } catch (IOException | RuntimeException e) {
      throw new Unsupported(template, 0, "handlebars.java does not parse it: " + firstLine(e.getMessage()));
    }
    return nodes(root);
  }

  private List<Node> nodes(Template t) throws Unsupported {
    List<Node> out = new ArrayList<>();
    add(t, out);
    return out;
  }

  private void add(Template t, List<Node> out) throws Unsupported {
    if (t == null || t == Template.EMPTY) return;
    switch (t.getClass().getSimpleName()) {
      case "TemplateList":
        // Its "decorators" are its partials (they scope {{> @partial-block}}, resolved statically here)
        // and real decorators, which fall to the default case below.
        for (Object node : (List<?>) field(t, "nodes")) add((Template) node, out);
        return;
      case "Text":
        String text = field(t, "text").toString();
        if (!text.isEmpty()) out.add(new Node.Text(text));
        return;
      case "Variable":
        out.add(variable(t));
        return;
      case "Block":
        out.add(block(t));
        return;
      case "Partial":
        out.add(partial(t));
        return;
      default:
        if (t.getClass().getSuperclass().getSimpleName().equals("ForwardingTemplate")
          || t.getClass().getSimpleName().equals("ForwardingTemplate")) {
          add((Template) field(t, "template"), out);
          return;
        }
        throw unsupported(t, "{{" + t.text() + "}} (" + t.getClass().getSimpleName() + ")");
    }
  }

  private Node variable(Template t) throws Unsupported {
    if (field(t, "helper") != null || field(t, "missing") != null) {
      throw unsupported(t, t.text() + " calls a helper");
    }
    if (!((List<?>) field(t, "params")).isEmpty() || !((Map<?, ?>) field(t, "hash")).isEmpty()) {
      throw unsupported(t, t.text() + " has arguments");
    }
    TagType type = (TagType) field(t, "type");
    if (type != TagType.VAR && type != TagType.TRIPLE_VAR && type != TagType.AMP_VAR) {
      throw unsupported(t, t.text());
    }
    return new Node.Var(steps(t, fieldList(t, "path")), type == TagType.VAR);
  }

  private Node block(Template t) throws Unsupported {
    String name = (String) field(t, "name");
    List<?> params = (List<?>) field(t, "params");
    if (!((Map<?, ?>) field(t, "hash")).isEmpty() || !((List<?>) field(t, "blockParams")).isEmpty()) {
      throw unsupported(t, "{{#" + name + "}} with hash arguments or block parameters");
    }
    List<Node> body = nodes((Template) field(t, "body"));
    List<Node> inverse = nodes((Template) field(t, "inverse"));
    if (field(t, "helper") == null) {
      if (!params.isEmpty()) throw unsupported(t, "{{#" + name + "}} calls a helper that is not registered");
      Node.Param value = new Node.Param(steps(t, fieldList(t, "path")), null);
      boolean inverted = (Boolean) field(t, "inverted");
      return new Node.Block(inverted ? Node.Kind.INVERTED : Node.Kind.SECTION, value, body, inverse);
    }
    if (!BLOCK_HELPERS.contains(name) || params.size() != 1) {
      throw unsupported(t, "{{#" + name + "}} is a helper the compiler does not know");
    }
    return new Node.Block(Node.Kind.valueOf(name.toUpperCase()), param(t, params.get(0)), body, inverse);
  }

  private Node partial(Template t) throws Unsupported {
    Template path = (Template) field(t, "path");
    if (!path.getClass().getSimpleName().equals("Text")) throw unsupported(t, "a dynamic partial");
    Map<String, Node.Param> hash = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) field(t, "hash")).entrySet()) {
      hash.put((String) e.getKey(), param(t, e.getValue()));
    }
    Template block = (Template) field(t, "partial");
    String scope = (String) field(t, "scontext");
    return new Node.Partial(field(path, "text").toString(), (String) field(t, "indent"),
      steps(t, PathCompiler.compile(scope)), hash, block == null ? null : nodes(block), line(t));
  }

  private Node.Param param(Template t, Object param) throws Unsupported {
    switch (param.getClass().getSimpleName()) {
      case "RefParam":
        return new Node.Param(steps(t, (List<?>) field(param, "value")), null);
      case "StrParam":
      case "DefParam":
        return new Node.Param(null, field(param, "value"));
      default:
        throw unsupported(t, "a sub-expression argument");
    }
  }

  // PathCompiler's steps, as codes for dev.verve.page.compiled.Path.
  private Node.Steps steps(Template t, List<?> path) throws Unsupported {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      PathExpression step = (PathExpression) path.get(i);
      switch (step.getClass().getSimpleName()) {
        case "PropertyPath":
          if (step.local()) throw unsupported(t, "a local path " + path);
          codes.add("p:" + step);
          break;
        case "ThisPath":
          codes.add("t:" + step);
          break;
        case "ResolveThisPath":
          codes.add("r:" + step);
          break;
        case "DataPath":
          codes.add("d:" + step);
          break;
        case "ParentPath":
          if (i != codes.size() || codes.stream().anyMatch(c -> !c.startsWith("u:"))) {
            throw unsupported(t, "../ inside a path");
          }
          codes.add("u:");
          break;
        default:
          throw unsupported(t, "the path " + path + " (" + step.getClass().getSimpleName() + ")");
      }
    }
    if (codes.isEmpty()) throw unsupported(t, "an empty path");
    return new Node.Steps(codes);
  }

  private List<?> fieldList(Template t, String name) {
    return (List<?>) field(t, name);
  }

  private Unsupported unsupported(Template t, String what) {
    return new Unsupported(template, line(t), what);
  }

  private static int line(Template t) {
    return t.position()[0];
  }

  private static String firstLine(String message) {
    if (message == null) return "";
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  static Object field(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException e) {
        // up the hierarchy
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + target.getClass(), e);
      }
    }
    throw new IllegalStateException(target.getClass() + " has no field " + name
      + ": not the handlebars.java version this compiler reads (4.3.x)");
  }
}
