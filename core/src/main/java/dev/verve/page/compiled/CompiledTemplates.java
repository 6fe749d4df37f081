package dev.verve.page.compiled;

import java.util.Map;
import java.util.ServiceLoader;

/**
 * The compiled templates of one template root, generated at build time and registered for
 * {@link ServiceLoader} under {@code META-INF/services/dev.verve.page.compiled.CompiledTemplates}.
 */
public interface CompiledTemplates {

  /** The root on the class path, without slashes ({@code "templates"}). */
  String root();

  /** By template name; templates the compiler left to the runtime engine are absent. */
  Map<String, CompiledTemplate> templates();

  /** The compiled templates of {@code root} on the class path, or an empty map. */
  static Map<String, CompiledTemplate> of(String root, ClassLoader loader) {
    String wanted = root.replaceAll("^/+|/+$", "");
    for (CompiledTemplates set : ServiceLoader.load(CompiledTemplates.class, loader)) {
      if (set.root().equals(wanted)) return set.templates();
    }
    return Map.of();
  }
}
