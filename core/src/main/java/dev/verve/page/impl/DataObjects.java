package dev.verve.page.impl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.VertxModule;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns whatever a page's future produced into JSON values ({@link JsonObject}, {@link JsonArray}, strings,
 * numbers, booleans, null), so the template sees exactly what the browser's state will hold. Values that
 * came over the event bus already are JSON; a data object gives its {@code toJson()}; anything else
 * (records, POJOs) is mapped by Jackson.
 */
final class DataObjects {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new VertxModule());
  private static final Map<Class<?>, Optional<Method>> TO_JSON = new ConcurrentHashMap<>();

  private DataObjects() {
  }

  static Object toJsonValue(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
      || value instanceof JsonObject || value instanceof JsonArray) {
      return value;
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name();
    }
    if (value instanceof Map) {
      JsonObject json = new JsonObject();
      ((Map<?, ?>) value).forEach((k, v) -> json.put(String.valueOf(k), toJsonValue(v)));
      return json;
    }
    if (value instanceof Collection) {
      JsonArray array = new JsonArray();
      for (Object item : (Collection<?>) value) array.add(toJsonValue(item));
      return array;
    }
    Optional<Method> toJson = TO_JSON.computeIfAbsent(value.getClass(), DataObjects::findToJson);
    if (toJson.isPresent()) {
      try {
        return toJson.get().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("toJson() of " + value.getClass().getName() + " failed", e);
      }
    }
    return toJsonValue(MAPPER.convertValue(value, Object.class));
  }

  private static Optional<Method> findToJson(Class<?> type) {
    try {
      Method method = type.getMethod("toJson");
      boolean usable = Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
        && (method.getReturnType() == JsonObject.class || method.getReturnType() == JsonArray.class);
      return usable ? Optional.of(method) : Optional.empty();
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }
}
