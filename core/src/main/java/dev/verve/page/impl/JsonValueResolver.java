package dev.verve.page.impl;

import com.github.jknack.handlebars.ValueResolver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Lets templates read Vert.x {@link JsonObject} members and {@link JsonArray} items ({@code {{todo.title}}},
 * {@code {{items.0}}}, {@code {{items.length}}}); checked first because page data is mostly JSON.
 */
final class JsonValueResolver implements ValueResolver {

  static final JsonValueResolver INSTANCE = new JsonValueResolver();

  @Override
  public Object resolve(Object context, String name) {
    if (context instanceof JsonObject) {
      JsonObject json = (JsonObject) context;
      return json.containsKey(name) ? json.getValue(name) : UNRESOLVED;
    }
    if (context instanceof JsonArray) {
      JsonArray array = (JsonArray) context;
      if ("length".equals(name) || "size".equals(name)) return array.size();
      try {
        int index = Integer.parseInt(name);
        return index >= 0 && index < array.size() ? array.getValue(index) : UNRESOLVED;
      } catch (NumberFormatException e) {
        return UNRESOLVED;
      }
    }
    return UNRESOLVED;
  }

  @Override
  public Object resolve(Object context) {
    return context instanceof JsonObject || context instanceof JsonArray ? context : UNRESOLVED;
  }

  @Override
  public Set<Map.Entry<String, Object>> propertySet(Object context) {
    if (context instanceof JsonObject) {
      Set<Map.Entry<String, Object>> entries = new LinkedHashSet<>();
      for (Map.Entry<String, Object> e : (JsonObject) context) {
        entries.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
      }
      return entries;
    }
    return Collections.emptySet();
  }
}
