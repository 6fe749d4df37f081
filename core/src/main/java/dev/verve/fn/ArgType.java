package dev.verve.fn;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON shape an argument must have, checked before a call reaches the event bus. The generated
 * service handler would otherwise truncate {@code 2.7} to an {@code int}, pass {@code null} for a missing
 * value, or fail with a raw {@code ClassCastException}.
 *
 * <p>{@link #check(Object)} returns {@code null} when the value fits, otherwise a short reason that is
 * safe to show to a client. {@link #fromForm(List)} turns the fields of an HTML form into the value a JSON
 * caller would have sent, so a form is validated by the same {@code check}.
 */
public abstract class ArgType {

  public static final ArgType BOOLEAN = new ArgType("a boolean") {
    @Override
    public String check(Object value) {
      return value instanceof Boolean ? null : "must be a boolean";
    }

    // A checkbox sends "on" when ticked and nothing at all when not.
    @Override
    public Object fromForm(List<Object> values) {
      return values.isEmpty() ? Boolean.FALSE : super.fromForm(values);
    }

    @Override
    protected Object fromText(String text) {
      String t = text.trim();
      if (t.equalsIgnoreCase("on") || t.equalsIgnoreCase("true")) return Boolean.TRUE;
      if (t.isEmpty() || t.equalsIgnoreCase("off") || t.equalsIgnoreCase("false")) return Boolean.FALSE;
      return text;
    }
  };
  public static final ArgType BYTE = integral("a byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
  public static final ArgType SHORT = integral("a short", Short.MIN_VALUE, Short.MAX_VALUE);
  public static final ArgType INT = integral("an int", Integer.MIN_VALUE, Integer.MAX_VALUE);
  public static final ArgType LONG = integral("a long", Long.MIN_VALUE, Long.MAX_VALUE);
  public static final ArgType FLOAT = simple("a number", v -> v instanceof Number, ArgType::number);
  public static final ArgType DOUBLE = simple("a number", v -> v instanceof Number, ArgType::number);
  public static final ArgType STRING = simple("a string", v -> v instanceof String, text -> text);
  public static final ArgType JSON_OBJECT = simple("a JSON object", v -> v instanceof JsonObject, ArgType::json);
  public static final ArgType JSON_ARRAY = simple("a JSON array", v -> v instanceof JsonArray, ArgType::json);
  /** {@link UploadedFile}: a file field of a multipart form, or its JSON form. */
  public static final ArgType FILE = dataObject("file", "a file", v -> new UploadedFile((JsonObject) v));

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

  /**
   * The JSON value of the form fields named like the parameter (texts, or the JSON of an
   * {@link UploadedFile} for a file field), as a JSON caller would send it: {@code "21"} is 21 for an
   * {@code int}, every field is an item of a list. A text that does not convert stays a text, so
   * {@link #check} refuses it in the same words as in a JSON call. {@code null}: absent.
   */
  public Object fromForm(List<Object> values) {
    if (values.isEmpty()) return null;
    Object last = values.get(values.size() - 1); // a repeated single field: the last wins, as in most web stacks
    return last instanceof String ? fromText((String) last) : last;
  }

  /** One field's text as JSON; {@code null} for a blank field of a type that has no blank value. */
  protected Object fromText(String text) {
    return text.isBlank() ? null : text;
  }

  private static Object number(String text) {
    String t = text.trim();
    if (t.isEmpty()) return null;
    try {
      double d = new BigDecimal(t).doubleValue(); // JSON's number syntax, not Java's ("1d", "0x1p3", "NaN")
      return Double.isFinite(d) ? d : text;
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static Object json(String text) {
    if (text.isBlank()) return null;
    try {
      return Json.decodeValue(text);
    } catch (DecodeException e) {
      return text;
    }
  }

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
    return dataObject(simpleName, "a " + simpleName + " object", decoder);
  }

  private static ArgType dataObject(String simpleName, String description, Function<Object, ?> decoder) {
    return new ArgType(description) {
      @Override
      protected Object fromText(String text) {
        return json(text);
      }

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
      protected Object fromText(String text) {
        return json(text);
      }

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
      // Every field of the name is an item (checkboxes, a multiple select, several files); blank ones are skipped.
      @Override
      public Object fromForm(List<Object> values) {
        JsonArray items = new JsonArray();
        for (Object value : values) {
          Object item = element.fromForm(List.of(value));
          if (item != null) items.add(item);
        }
        return items;
      }

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

  private static ArgType simple(String description, java.util.function.Predicate<Object> test,
                                Function<String, Object> fromText) {
    return new ArgType(description) {
      @Override
      public String check(Object value) {
        return test.test(value) ? null : "must be " + description;
      }

      @Override
      protected Object fromText(String text) {
        return fromText.apply(text);
      }
    };
  }

  private static ArgType integral(String description, long min, long max) {
    return new ArgType(description) {
      @Override
      protected Object fromText(String text) {
        String t = text.trim();
        if (t.isEmpty()) return null;
        try {
          return Long.parseLong(t);
        } catch (NumberFormatException e) {
          try {
            BigDecimal b = new BigDecimal(t);
            try {
              return b.longValueExact(); // "1e3"
            } catch (ArithmeticException e2) {
              return b; // "2.5" or "1e40": check() then says why it is not an int
            }
          } catch (NumberFormatException notANumber) {
            return text;
          }
        }
      }

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
