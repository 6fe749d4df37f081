package dev.verve.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One configuration key: its dotted name, type, default, one line of documentation and the concern that
 * reads it. {@link #get(JsonObject)} reads it from a merged config, where environment variables and system
 * properties arrive as text; a value of the wrong type fails naming the key.
 *
 * <pre>{@code
 * static final ConfigKey<String> ADMIN_PASSWORD =
 *   ConfigKey.text("demo.adminPassword", null, "none", "creates the user admin at start", "demo");
 * }</pre>
 */
public final class ConfigKey<T> {

  /** What a key's value is, as written in JSON or as text in the environment. */
  public enum Type {
    TEXT("a text"), WHOLE_NUMBER("a whole number"), FLAG("true or false"), LIST("a list");

    private final String description;

    Type(String description) {
      this.description = description;
    }

    public String description() { return description; }
  }

  private final String name;
  private final Type type;
  private final T defaultValue;
  private final String defaultText;
  private final String doc;
  private final String owner;

  private ConfigKey(String name, Type type, T defaultValue, String defaultText, String doc, String owner) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = type;
    this.defaultValue = defaultValue;
    this.defaultText = defaultText != null ? defaultText : String.valueOf(defaultValue);
    this.doc = Objects.requireNonNull(doc, "doc");
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** A text key; {@code defaultText} is how the README shows the default ({@code null}: the default itself). */
  public static ConfigKey<String> text(String name, String defaultValue, String defaultText, String doc, String owner) {
    return new ConfigKey<>(name, Type.TEXT, defaultValue, defaultText, doc, owner);
  }

  public static ConfigKey<Long> wholeNumber(String name, long defaultValue, String doc, String owner) {
    return new ConfigKey<>(name, Type.WHOLE_NUMBER, defaultValue, null, doc, owner);
  }

  public static ConfigKey<Boolean> flag(String name, boolean defaultValue, String doc, String owner) {
    return new ConfigKey<>(name, Type.FLAG, defaultValue, null, doc, owner);
  }

  /** A list: a JSON array, or a comma-separated text (as environment variables have it). Empty by default. */
  public static ConfigKey<List<String>> list(String name, String defaultText, String doc, String owner) {
    return new ConfigKey<>(name, Type.LIST, List.of(), defaultText != null ? defaultText : "[]", doc, owner);
  }

  public String name() { return name; }

  public Type type() { return type; }

  public T defaultValue() { return defaultValue; }

  /** The default as the README's table shows it. */
  public String defaultText() { return defaultText; }

  public String doc() { return doc; }

  /** The concern that reads the key ({@code http}, {@code fn}, {@code auth}, ... or an application's). */
  public String owner() { return owner; }

  /** The value in {@code config} (flat, dotted keys), or the default when it is absent. */
  @SuppressWarnings("unchecked")
  public T get(JsonObject config) {
    Object value = config.getValue(name);
    if (value == null) return defaultValue;
    switch (type) {
      case WHOLE_NUMBER: return (T) wholeNumber(value);
      case FLAG: return (T) flag(value);
      case LIST: return (T) list(value);
      default:
        if (value instanceof JsonObject || value instanceof JsonArray) throw wrong(value);
        return (T) value.toString();
    }
  }

  /** {@link #get} as an {@code int}, for whole-number keys whose values must fit one. */
  public int getInt(JsonObject config) {
    long value = (Long) get(config);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " is out of range: " + value);
    }
    return (int) value;
  }

  /** Reads the key's value from {@code config} only to check its type; fails naming the key. */
  void check(JsonObject config) {
    get(config);
  }

  private Long wholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d)) return (long) d;
      throw wrong(value);
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw wrong(value);
    }
  }

  private Boolean flag(Object value) {
    if (value instanceof Boolean) return (Boolean) value;
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    if (text.equals("true")) return true;
    if (text.equals("false") || text.isEmpty()) return false;
    throw wrong(value);
  }

  private List<String> list(Object value) {
    List<String> list = new ArrayList<>();
    if (value instanceof JsonArray) {
      ((JsonArray) value).forEach(v -> list.add(String.valueOf(v)));
    } else if (value instanceof JsonObject) {
      throw wrong(value);
    } else {
      for (String s : value.toString().split(",")) {
        if (!s.isBlank()) list.add(s.trim());
      }
    }
    return List.copyOf(list);
  }

  private IllegalArgumentException wrong(Object value) {
    String shown = String.valueOf(value);
    if (shown.length() > 60) shown = shown.substring(0, 60) + "...";
    return new IllegalArgumentException(name + " must be " + type.description() + ", got '" + shown + "'");
  }

  @Override
  public String toString() {
    return name;
  }
}
