package dev.verve.codegen;

import io.vertx.codegen.processor.GenException;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The access rule of each served method: {@code @AnonymousAllowed}, {@code @PermitAll},
 * {@code @RolesAllowed} or {@code @DenyAll} (package {@code dev.verve.auth}), on the method, else on the
 * interface that declares it, else on the served interface. A method with none fails the build: deny by
 * default means nobody forgets to decide.
 */
final class AccessRules {

  static final String PACKAGE = "dev.verve.auth.";
  static final String ACCESS = PACKAGE + "Access";
  private static final List<String> RULES = List.of("AnonymousAllowed", "PermitAll", "RolesAllowed", "DenyAll");

  /** One rule: its annotation's simple name and, for {@code RolesAllowed}, the roles. */
  record Rule(String kind, List<String> roles) {
    /** The expression that builds it in generated code, e.g. {@code Access.rolesAllowed("admin")}. */
    String code(String access) {
      switch (kind) {
        case "AnonymousAllowed": return access + ".anonymousAllowed()";
        case "PermitAll": return access + ".permitAll()";
        case "DenyAll": return access + ".denyAll()";
        default:
          List<String> quoted = new ArrayList<>();
          roles.forEach(r -> quoted.add(Literals.quote(r)));
          return access + ".rolesAllowed(" + String.join(", ", quoted) + ")";
      }
    }
  }

  private AccessRules() {
  }

  static Rule of(String iface, String method, ExecutableElement element, TypeElement served) {
    String where = iface + "." + method + ": ";
    Rule rule = declared(where, element);
    if (rule == null && element.getEnclosingElement() instanceof TypeElement) {
      rule = declared(where, element.getEnclosingElement());
    }
    if (rule == null) {
      rule = declared(where, served);
    }
    if (rule == null) {
      throw new GenException(element, where + "no access rule; annotate the method or the interface with"
        + " @AnonymousAllowed, @PermitAll, @RolesAllowed(\"role\") or @DenyAll (dev.verve.auth): server functions"
        + " are denied unless they say who may call them");
    }
    return rule;
  }

  private static Rule declared(String where, Element element) {
    Rule found = null;
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      if (!name.startsWith(PACKAGE) || !RULES.contains(name.substring(PACKAGE.length()))) continue;
      String kind = name.substring(PACKAGE.length());
      if (found != null) {
        throw new GenException(element, where + "@" + found.kind() + " and @" + kind + " on the same "
          + (element instanceof ExecutableElement ? "method" : "interface") + "; keep one rule");
      }
      found = new Rule(kind, kind.equals("RolesAllowed") ? roles(where, element, mirror) : List.of());
    }
    return found;
  }

  private static List<String> roles(String where, Element element, AnnotationMirror mirror) {
    List<String> roles = new ArrayList<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      Object value = entry.getValue().getValue();
      if (value instanceof List<?>) {
        for (Object item : (List<?>) value) roles.add(String.valueOf(((AnnotationValue) item).getValue()));
      } else {
        roles.add(String.valueOf(value));
      }
    }
    if (roles.isEmpty() || roles.stream().anyMatch(String::isBlank)) {
      throw new GenException(element, where + "@RolesAllowed needs at least one non-empty role");
    }
    return roles;
  }
}
