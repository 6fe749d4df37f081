package dev.verve.fn;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON shape an argument must have, checked before a call reaches the event bus. The generated
 * service handler would otherwise truncate {@code 2.7} to an {@code int}, pass {@code null} for a missing
 * value, or fail with a raw {@code ClassCastException}.
 *
 * <p>{@link #check(Object)} returns {@code null} when the value fits, otherwise a short reason that is
 * safe to show to a client.
 */
public abstract class ArgType {

  public static final ArgType BOOLEAN = simple("a boolean", v -> v instanceof Boolean);
  public static final ArgType BYTE = integral("a byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
  public static final ArgType SHORT = integral("a short", Short.MIN_VALUE, Short.MAX_VALUE);
  public static final ArgType INT = integral("an int", Integer.MIN_VALUE, Integer.MAX_VALUE);
  public static final ArgType LONG = integral("a long", Long.MIN_VALUE, Long.MAX_VALUE);
  public static final ArgType FLOAT = simple("a number", v -> v instanceof Number);
  public static final ArgType DOUBLE = simple("a number", v -> v instanceof Number);
  public static final ArgType STRING = simple("a string", v -> v instanceof String);
  public static final ArgType JSON_OBJECT = simple("a JSON object", v -> v instanceof JsonObject);
  public static final ArgType JSON_ARRAY = simple("a JSON array", v -> v instanceof JsonArray);

  private final String description;

  protected ArgType(String description) {
    this.description = description;
  }

  /** What the value must be, as a client reads it: {@code "an int"}, {@code "a list of strings"}. */
  public String description() {
    return description;
  }

  /** {@code null} if {@code value} (never {@code null} itself) fits, else why it does not. */
  public abstract String check(Object value);

  public static <E extends Enum<E>> ArgType enumOf(Class<E> type) {
    String[] names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    String description = "one of " + String.join(", ", names);
    return new ArgType(description) {
      @Override
      public String check(Object value) {
        if (value instanceof String) {
          for (String name : names) {
            if (name.equals(value)) return null;
          }
        }
        return "must be " + description;
      }
    };
  }

  /**
   * A data object, checked by running the same decoding the service handler will run, so whatever it
   * would reject is a 400 here rather than a 500 there.
   */
  public static ArgType dataObject(String simpleName, Function<Object, ?> decoder) {
    String description = "a " + simpleName + " object";
    return new ArgType(description) {
      @Override
      public String check(Object value) {
        try {
          decoder.apply(value);
          return null;
        } catch (RuntimeException e) {
          return "must be " + description;
        }
      }
    };
  }

  public static ArgType listOf(ArgType element) {
    return sequence("a list of " + element.description(), element);
  }

  public static ArgType setOf(ArgType element) {
    return sequence("a set of " + element.description(), element);
  }

  /** A JSON object whose values all have the given type (Java {@code Map<String, V>}). */
  public static ArgType mapOf(ArgType value) {
    String description = "an object of " + value.description();
    return new ArgType(description) {
      @Override
      public String check(Object v) {
        if (!(v instanceof JsonObject)) return "must be " + description;
        for (Map.Entry<String, Object> entry : (JsonObject) v) {
          String reason = entry.getValue() == null ? "must not be null" : value.check(entry.getValue());
          if (reason != null) return "member '" + entry.getKey() + "' " + reason;
        }
        return null;
      }
    };
  }

  private static ArgType sequence(String description, ArgType element) {
    return new ArgType(description) {
      @Override
      public String check(Object v) {
        if (!(v instanceof JsonArray)) return "must be " + description;
        JsonArray array = (JsonArray) v;
        for (int i = 0; i < array.size(); i++) {
          Object item = array.getValue(i);
          String reason = item == null ? "must not be null" : element.check(item);
          if (reason != null) return "item " + i + " " + reason;
        }
        return null;
      }
    };
  }

  private static ArgType simple(String description, java.util.function.Predicate<Object> test) {
    return new ArgType(description) {
      @Override
      public String check(Object value) {
        return test.test(value) ? null : "must be " + description;
      }
    };
  }

  private static ArgType integral(String description, long min, long max) {
    return new ArgType(description) {
      @Override
      public String check(Object value) {
        if (!(value instanceof Number)) return "must be " + description;
        Number n = (Number) value;
        if (n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal) {
          double d = n.doubleValue();
          if (d != Math.rint(d) || Double.isInfinite(d)) return "must be " + description + " (a whole number)";
          if (d < min || d > max) return "must be " + description + " (" + min + ".." + max + ")";
          return null;
        }
        if (n instanceof java.math.BigInteger) {
          java.math.BigInteger b = (java.math.BigInteger) n;
          if (b.bitLength() > 63) return "must be " + description + " (" + min + ".." + max + ")";
        }
        long l = n.longValue();
        if (l < min || l > max) return "must be " + description + " (" + min + ".." + max + ")";
        return null;
      }
    };
  }
}
