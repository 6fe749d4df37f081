package dev.verve.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Converts a decoded JSON result to the Java type a function declares; used by generated clients. A value
 * of the wrong shape fails with {@link ClassCastException}, which the client reports as a decode failure.
 */
public final class JsonResults {

  private JsonResults() {
  }

  public static Boolean toBoolean(Object v) { return (Boolean) v; }

  public static Byte toByte(Object v) { return v == null ? null : ((Number) v).byteValue(); }

  public static Short toShort(Object v) { return v == null ? null : ((Number) v).shortValue(); }

  public static Integer toInteger(Object v) { return v == null ? null : ((Number) v).intValue(); }

  public static Long toLong(Object v) { return v == null ? null : ((Number) v).longValue(); }

  public static Float toFloat(Object v) { return v == null ? null : ((Number) v).floatValue(); }

  public static Double toDouble(Object v) { return v == null ? null : ((Number) v).doubleValue(); }

  public static String toString(Object v) { return (String) v; }

  public static JsonObject toJsonObject(Object v) { return (JsonObject) v; }

  public static JsonArray toJsonArray(Object v) { return (JsonArray) v; }

  public static <E extends Enum<E>> E toEnum(Class<E> type, Object v) {
    return v == null ? null : Enum.valueOf(type, (String) v);
  }

  public static <T> List<T> toList(Object v, Function<Object, T> item) {
    if (v == null) return null;
    JsonArray array = (JsonArray) v;
    List<T> list = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) list.add(item.apply(array.getValue(i)));
    return list;
  }

  public static <T> Set<T> toSet(Object v, Function<Object, T> item) {
    if (v == null) return null;
    JsonArray array = (JsonArray) v;
    Set<T> set = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) set.add(item.apply(array.getValue(i)));
    return set;
  }

  public static <T> Map<String, T> toMap(Object v, Function<Object, T> value) {
    if (v == null) return null;
    Map<String, T> map = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : (JsonObject) v) map.put(e.getKey(), value.apply(e.getValue()));
    return map;
  }
}
