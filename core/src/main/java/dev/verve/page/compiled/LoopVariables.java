package dev.verve.page.compiled;

import java.util.HashMap;
import java.util.Map;

/**
 * The variables of a loop's frame, as handlebars.java has them: {@code @key}, {@code @index},
 * {@code @first}, {@code @last}, and over an iterable also {@code @odd}, {@code @even} and
 * {@code @index_1}. Over an object's properties {@code @key} is the property's name.
 */
final class LoopVariables {

  private static final String[] OF_ITERABLE = {"@index", "@first", "@last", "@odd", "@even", "@index_1"};
  private static final String[] OF_PROPERTIES = {"@index", "@first", "@last"};

  private LoopVariables() {
  }

  /** {@code name}'s value in a frame at {@code index}; {@code null} when it is none of the variables. */
  static Object value(String name, int index, boolean last, boolean iterable) {
    switch (name) {
      case "@key":
      case "@index":
        return index;
      case "@first":
        return index == 0 ? "first" : "";
      case "@last":
        return last ? "last" : "";
      default:
        break;
    }
    if (!iterable) return null;
    switch (name) {
      case "@odd":
        return index % 2 == 0 ? "" : "odd";
      case "@even":
        return index % 2 == 0 ? "even" : "";
      case "@index_1":
        return index + 1;
      default:
        return null;
    }
  }

  /** All of them as a map, for the rare lookup that reads the frame's map itself. */
  static Map<String, Object> map(Object key, int index, boolean last, boolean iterable) {
    Map<String, Object> map = new HashMap<>();
    map.put("@key", key);
    for (String name : iterable ? OF_ITERABLE : OF_PROPERTIES) map.put(name, value(name, index, last, iterable));
    return map;
  }
}
