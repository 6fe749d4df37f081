package dev.verve.page.compiled;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.ValueResolver;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads one name of one value with the resolvers Verve's runtime engine uses, in its order: JSON
 * (members, items, {@code length}), map entries, then Java bean getters and public methods. JSON and maps
 * are read directly; the bean and method resolvers of handlebars.java answer the rest (a JSON object's
 * {@code empty}, a map entry's {@code key}), and the names they cannot answer for a class are remembered,
 * so a miss (the usual case when a name is found further up the context stack) costs one map lookup.
 */
final class Values {

  /** Found, and null: stops the search up the context stack, like handlebars.java's own marker. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final ValueResolver[] BEAN = {JavaBeanValueResolver.INSTANCE, MethodValueResolver.INSTANCE};
  private static final ValueResolver[] ALL = {
    MapValueResolver.INSTANCE, JavaBeanValueResolver.INSTANCE, MethodValueResolver.INSTANCE
  };
  private static final ClassValue<Map<String, Boolean>> MEMBERS = new ClassValue<>() {
    @Override
    protected Map<String, Boolean> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private Values() {
  }

  /** The value of {@code name} in {@code target}: null if no resolver knows it, {@link #NULL} if null. */
  static Object resolve(Object target, String name) {
    if (target instanceof JsonObject) {
      JsonObject json = (JsonObject) target;
      // One lookup for what getValue would give back as it is (the usual row: strings, numbers, booleans).
      Object raw = json.getMap().get(name);
      if (raw instanceof String || raw instanceof Integer || raw instanceof Long || raw instanceof Boolean) return raw;
      if (raw != null || json.containsKey(name)) {
        Object value = json.getValue(name);
        return value == null ? NULL : value;
      }
    } else if (target instanceof JsonArray) {
      JsonArray array = (JsonArray) target;
      if ("length".equals(name) || "size".equals(name)) return array.size();
      int index = index(name);
      if (index >= 0 && index < array.size()) {
        Object value = array.getValue(index);
        return value == null ? NULL : value;
      }
    } else if (target instanceof Map) {
      Object value = ((Map<?, ?>) target).get(name);
      if (value != null) return value;
      if (target instanceof EnumMap) {
        value = MapValueResolver.INSTANCE.resolve(target, name);
        if (value != ValueResolver.UNRESOLVED) return value;
      }
    }
    return member(target, name);
  }

  /** Whether a bean getter or public method of {@code type} may answer {@code name}; false only once known. */
  static boolean mayHaveMember(Class<?> type, String name) {
    return MEMBERS.get(type).get(name) != Boolean.FALSE;
  }

  static Object member(Object target, String name) {
    Map<String, Boolean> known = MEMBERS.get(target.getClass());
    if (known.get(name) == Boolean.FALSE) return null;
    for (ValueResolver resolver : BEAN) {
      Object value = resolver.resolve(target, name);
      if (value != ValueResolver.UNRESOLVED) {
        known.put(name, Boolean.TRUE);
        return value == null ? NULL : value;
      }
    }
    known.put(name, Boolean.FALSE);
    return null;
  }

  // JsonValueResolver reads any int-shaped name as an index.
  private static int index(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** handlebars.java's falsy: null, false, 0, an empty string, list, array or iterable. */
  static boolean isEmpty(Object value) {
    if (value instanceof JsonArray) return ((JsonArray) value).isEmpty();
    if (value instanceof JsonObject) return ((JsonObject) value).isEmpty();
    return Handlebars.Utils.isEmpty(value);
  }

  /** Arrays are iterated as lists, as helpers see them. */
  static Object transform(Object value) {
    return value != null && value.getClass().isArray() && value instanceof Object[]
      ? Arrays.asList((Object[]) value) : value;
  }

  /** What {@code {{#each}}} iterates for a value that is not iterable: every resolver's properties. */
  static Set<Map.Entry<String, Object>> propertySet(Object value) {
    Set<Map.Entry<String, Object>> properties = new LinkedHashSet<>();
    for (ValueResolver resolver : ALL) properties.addAll(resolver.propertySet(value));
    return properties;
  }
}
