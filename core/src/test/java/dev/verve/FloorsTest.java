package dev.verve;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core's packages stand on floors (see {@code STYLE.md}): read from the compiled classes, so a fully
 * qualified name, an annotation or a signature counts as much as an import line. Each failure names the
 * offending dependency (class, member, line).
 */
class FloorsTest {

  private static final String ROOT = "dev.verve";
  // package -> package it depends on -> one dependency that makes the edge, for the failure message
  private static final Map<String, Map<String, Dependency>> EDGES = new TreeMap<>();

  @BeforeAll
  static void readCore() {
    JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);
    for (JavaClass origin : classes) {
      String from = origin.getPackageName();
      if (!isCore(from)) continue;
      EDGES.computeIfAbsent(from, k -> new TreeMap<>());
      for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
        String to = dependency.getTargetClass().getPackageName();
        if (!isCore(to) || to.equals(from)) continue;
        EDGES.get(from).putIfAbsent(to, dependency);
      }
    }
  }

  @Test
  void corePackagesFormNoLoopOnceFactoriesIntoTheirOwnImplAreSetAside() {
    List<String> loops = new ArrayList<>();
    for (Set<String> component : stronglyConnected(withoutOwnImpl())) {
      if (component.size() < 2) continue;
      StringBuilder loop = new StringBuilder("packages in a loop: " + component + "\n");
      for (String from : component) {
        for (Map.Entry<String, Dependency> edge : EDGES.get(from).entrySet()) {
          if (component.contains(edge.getKey()) && !isOwnImpl(from, edge.getKey())) {
            loop.append("  ").append(edge.getValue().getDescription()).append('\n');
          }
        }
      }
      loops.add(loop.toString());
    }
    assertTrue(loops.isEmpty(), String.join("\n", loops));
  }

  @Test
  void noImplPackageReachesIntoAnotherConcernsImpl() {
    List<String> violations = new ArrayList<>();
    EDGES.forEach((from, targets) -> targets.forEach((to, dependency) -> {
      if (isImpl(from) && isImpl(to) && !concern(from).equals(concern(to))) {
        violations.add(dependency.getDescription());
      }
    }));
    assertTrue(violations.isEmpty(), "an impl package uses another concern's impl instead of its public "
      + "interface:\n  " + String.join("\n  ", violations));
  }

  @Test
  void theCheckSeesCore() {
    // A scan that found nothing would pass both rules: it must see the concerns and their edges.
    assertTrue(EDGES.keySet().containsAll(List.of(ROOT, ROOT + ".config", ROOT + ".http", ROOT + ".auth",
      ROOT + ".fn", ROOT + ".fn.impl", ROOT + ".page.impl")), EDGES.keySet().toString());
    assertFalse(EDGES.get(ROOT + ".fn.impl").isEmpty());
  }

  private static boolean isCore(String pkg) {
    return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".");
  }

  private static boolean isImpl(String pkg) {
    return pkg.endsWith(".impl");
  }

  private static String concern(String pkg) {
    return isImpl(pkg) ? pkg.substring(0, pkg.length() - ".impl".length()) : pkg;
  }

  // The one edge allowed upward: an interface's static factory into its own impl (Verve.create -> VerveImpl).
  private static boolean isOwnImpl(String from, String to) {
    return to.equals(from + ".impl");
  }

  private static Map<String, Set<String>> withoutOwnImpl() {
    Map<String, Set<String>> graph = new TreeMap<>();
    EDGES.forEach((from, targets) -> {
      Set<String> to = new TreeSet<>();
      for (String target : targets.keySet()) if (!isOwnImpl(from, target)) to.add(target);
      graph.put(from, to);
    });
    return graph;
  }

  // Tarjan's algorithm: the strongly connected components of the package graph.
  private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> components = new ArrayList<>();
    int[] counter = {0};
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) visit(node, graph, index, low, stack, onStack, components, counter);
    }
    return components;
  }

  private static void visit(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                            Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                            List<Set<String>> components, int[] counter) {
    index.put(node, counter[0]);
    low.put(node, counter[0]++);
    stack.push(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        visit(next, graph, index, low, stack, onStack, components, counter);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      components.add(component);
    }
  }
}
