package dev.verve.bus.impl;

import io.vertx.ext.bridge.PermittedOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code eventbus.outbound} / {@code eventbus.inbound} entries: an exact address ({@code counter.total}) or
 * a regular expression ({@code regex:counter\..*}), optionally followed by a role the socket's user must
 * have ({@code "admin.events role:admin"}).
 */
final class BridgeRules {

  private static final String REGEX = "regex:";
  private static final String ROLE = "role:";

  private final List<PermittedOptions> permitted = new ArrayList<>();
  private final Set<String> exact = new HashSet<>();
  private final Map<String, String> exactRoles = new HashMap<>();
  private final Map<Pattern, String> regexRoles = new HashMap<>();

  static BridgeRules parse(List<String> entries) {
    BridgeRules rules = new BridgeRules();
    for (String entry : entries) {
      String e = entry.trim();
      String role = null;
      int space = e.lastIndexOf(' ');
      if (space > 0 && e.substring(space + 1).startsWith(ROLE)) {
        role = e.substring(space + 1 + ROLE.length());
        e = e.substring(0, space).trim();
        if (role.isEmpty()) throw new IllegalArgumentException("an event-bus entry names an empty role: " + entry);
      }
      if (e.startsWith(REGEX)) {
        String regex = e.substring(REGEX.length());
        rules.permitted.add(new PermittedOptions().setAddressRegex(regex));
        if (role != null) rules.regexRoles.put(Pattern.compile(regex), role);
      } else {
        rules.permitted.add(new PermittedOptions().setAddress(e));
        rules.exact.add(e);
        if (role != null) rules.exactRoles.put(e, role);
      }
    }
    return rules;
  }

  List<PermittedOptions> permitted() {
    return permitted;
  }

  boolean isExact(String address) {
    return exact.contains(address);
  }

  /** The role an address needs, or null. */
  String roleFor(String address) {
    String role = exactRoles.get(address);
    if (role != null) return role;
    for (Map.Entry<Pattern, String> e : regexRoles.entrySet()) {
      if (e.getKey().matcher(address).matches()) return e.getValue();
    }
    return null;
  }
}
