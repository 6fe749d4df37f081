package dev.verve.codegen;

import io.vertx.codegen.processor.type.ClassTypeInfo;
import io.vertx.codegen.processor.type.ParameterizedTypeInfo;
import io.vertx.codegen.processor.type.TypeInfo;

import javax.lang.model.util.Elements;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The imports of one generated Java file. A type is written by its simple name when that name is still
 * free, otherwise fully qualified, so a user's {@code Todo} never collides with another {@code Todo} (or
 * with {@code Future}, {@code JsonObject}, {@code Message}...). Claim the names the template hard-codes
 * first. {@code java.lang} types go through {@link #use} too: one is qualified where a type of the generated
 * class's package (the interface's) has its simple name and so hides it.
 */
final class Imports {

  private final String packageName;
  private final Elements elements;
  private final Map<String, String> bySimpleName = new HashMap<>();
  private final TreeSet<String> used = new TreeSet<>();

  /** {@code className}: the generated class, whose own name is taken; {@code elements} finds its package's types. */
  Imports(String packageName, String className, Elements elements) {
    this.packageName = packageName;
    this.elements = elements;
    bySimpleName.put(className, packageName + "." + className);
  }

  /**
   * Claims simple names before any user type can, without importing: for the names a template
   * hard-codes, imported by {@link #use} only if the file ends up using them.
   */
  void reserve(String... fqns) {
    for (String fqn : fqns) {
      bySimpleName.putIfAbsent(simpleName(fqn), fqn);
    }
  }

  /** The name to write for {@code fqn}: simple if free (and then imported), qualified otherwise. */
  String use(String fqn) {
    String simple = simpleName(fqn);
    if (isJavaLang(fqn) && !packageName.isEmpty() && elements.getTypeElement(packageName + "." + simple) != null) {
      return fqn; // e.g. a String of the package
    }
    String owner = bySimpleName.putIfAbsent(simple, fqn);
    if (owner != null && !owner.equals(fqn)) {
      return fqn;
    }
    used.add(fqn);
    return simple;
  }

  /** Source text of a codegen type, e.g. {@code Future<List<Todo>>}. */
  String type(TypeInfo type) {
    if (type instanceof ParameterizedTypeInfo) {
      ParameterizedTypeInfo parameterized = (ParameterizedTypeInfo) type;
      return use(parameterized.getRaw().getName())
        + parameterized.getArgs().stream().map(this::type).collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof ClassTypeInfo) {
      return use(type.getName());
    }
    return type.getName(); // primitives, void, type variables
  }

  /** The package line, the import lines (sorted; none for {@code java.lang} or the own package), then {@code body}. */
  String javaFile(String body) {
    StringBuilder file = new StringBuilder("package ").append(packageName).append(";\n\n");
    for (String fqn : used) {
      if (!isImplicit(fqn)) {
        file.append("import ").append(fqn).append(";\n");
      }
    }
    return file.append('\n').append(body).toString();
  }

  private static String simpleName(String fqn) {
    return fqn.substring(fqn.lastIndexOf('.') + 1);
  }

  private static boolean isJavaLang(String fqn) {
    return fqn.startsWith("java.lang.") && fqn.indexOf('.', "java.lang.".length()) < 0;
  }

  private boolean isImplicit(String fqn) {
    int dot = fqn.lastIndexOf('.');
    String owner = dot < 0 ? "" : fqn.substring(0, dot);
    return owner.equals("java.lang") || owner.equals(packageName);
  }
}
