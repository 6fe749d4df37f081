package dev.verve.auth;

import java.util.Arrays;
import java.util.List;

/**
 * The access rule of one server function or page, from {@link AnonymousAllowed}, {@link PermitAll},
 * {@link RolesAllowed} or {@link DenyAll}. Generated descriptors carry one per function.
 */
public final class Access {

  /** The four rules. */
  public enum Rule { ANONYMOUS_ALLOWED, PERMIT_ALL, ROLES_ALLOWED, DENY_ALL }

  private static final Access ANONYMOUS = new Access(Rule.ANONYMOUS_ALLOWED, List.of());
  private static final Access SIGNED_IN = new Access(Rule.PERMIT_ALL, List.of());
  private static final Access NOBODY = new Access(Rule.DENY_ALL, List.of());

  private final Rule rule;
  private final List<String> roles;

  private Access(Rule rule, List<String> roles) {
    this.rule = rule;
    this.roles = roles;
  }

  public static Access anonymousAllowed() { return ANONYMOUS; }

  public static Access permitAll() { return SIGNED_IN; }

  public static Access denyAll() { return NOBODY; }

  public static Access rolesAllowed(String... roles) {
    if (roles.length == 0) throw new IllegalArgumentException("@RolesAllowed needs at least one role");
    return new Access(Rule.ROLES_ALLOWED, List.copyOf(Arrays.asList(roles)));
  }

  public Rule rule() { return rule; }

  /** The roles of {@link Rule#ROLES_ALLOWED}; empty otherwise. */
  public List<String> roles() { return roles; }

  /**
   * {@code 0} when {@code caller} may pass; {@code 401} when signing in could help (anonymous caller of a
   * rule that needs a user); {@code 403} otherwise.
   */
  public int check(Caller caller) {
    switch (rule) {
      case ANONYMOUS_ALLOWED:
        return 0;
      case PERMIT_ALL:
        return caller.isSignedIn() ? 0 : 401;
      case ROLES_ALLOWED:
        if (!caller.isSignedIn()) return 401;
        for (String role : roles) if (caller.hasRole(role)) return 0;
        return 403;
      default:
        return 403;
    }
  }

  /** A safe, human sentence for a refusal of {@code what} ({@code "Todos.add"}, {@code "this page"}). */
  public String refusal(String what, int status) {
    if (status == 401) return "Sign in to use " + what;
    if (rule == Rule.DENY_ALL) return "Nobody may use " + what;
    return what + " needs the role " + String.join(" or ", roles);
  }

  @Override
  public String toString() {
    switch (rule) {
      case ANONYMOUS_ALLOWED: return "@AnonymousAllowed";
      case PERMIT_ALL: return "@PermitAll";
      case ROLES_ALLOWED: return "@RolesAllowed(" + roles + ")";
      default: return "@DenyAll";
    }
  }
}
