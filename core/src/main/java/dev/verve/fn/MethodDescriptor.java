package dev.verve.fn;

import dev.verve.auth.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One server function: its name, parameters, access rule and whether it returns {@code Future<Void>}; for a
 * stream function ({@code Future<ReadStream<T>>}), also how to open it on an implementation and how each item
 * becomes JSON (both generated: vertx-service-proxy does not serve streams).
 */
public final class MethodDescriptor {

  /** The form field that says where the browser goes after a successful form post; never an argument. */
  public static final String RETURN_TO = "returnTo";

  private final String name;
  private final List<ParamDescriptor> params;
  private final boolean returnsVoid;
  private final Access access;
  private final BiFunction<Object, JsonObject, Future<? extends ReadStream<?>>> opener;
  private final Function<Object, Object> itemToJson;

  MethodDescriptor(String name, boolean returnsVoid, Access access, List<ParamDescriptor> params) {
    this(name, returnsVoid, access, params, null, null);
  }

  MethodDescriptor(String name, boolean returnsVoid, Access access, List<ParamDescriptor> params,
                   BiFunction<Object, JsonObject, Future<? extends ReadStream<?>>> opener,
                   Function<Object, Object> itemToJson) {
    this.name = name;
    this.returnsVoid = returnsVoid;
    this.access = Objects.requireNonNull(access, "access");
    this.params = List.copyOf(params);
    this.opener = opener;
    this.itemToJson = itemToJson;
  }

  public String name() { return name; }

  public List<ParamDescriptor> params() { return params; }

  public boolean returnsVoid() { return returnsVoid; }

  /** Whether the function answers with a stream of items ({@code Future<ReadStream<T>>}). */
  public boolean isStream() { return opener != null; }

  /**
   * Calls the stream function on {@code implementation} with validated {@code args}; {@code null} for a
   * function that answers once.
   */
  public Future<? extends ReadStream<?>> open(Object implementation, JsonObject args) {
    return opener.apply(implementation, args);
  }

  /** One item of a stream as a JSON value (a {@code @DataObject}'s {@code toJson()}, an enum's name...). */
  public Object itemToJson(Object item) {
    return itemToJson.apply(item);
  }

  /** Who may call: from the method's or the interface's {@code @AnonymousAllowed}, {@code @PermitAll}, ... */
  public Access access() { return access; }

  /**
   * Checks a call's arguments: every parameter present with the right type (unless nullable), and no
   * member that is not a parameter. Returns the problems, one per argument; empty when the call is valid.
   */
  public List<ArgumentError> validate(JsonObject args) {
    List<ArgumentError> errors = Collections.emptyList();
    int present = 0;
    for (ParamDescriptor param : params) {
      Object value = args.getValue(param.name());
      String reason;
      if (value == null) {
        reason = param.isNullable() ? null : "is required (" + param.type().description() + ")";
        if (args.containsKey(param.name())) present++;
      } else {
        reason = param.type().check(value);
        present++;
      }
      if (reason != null) errors = add(errors, new ArgumentError(param.name(), reason));
    }
    // Every member a parameter: nothing else to look at (the common case, on every call).
    if (present == args.size()) return errors;
    for (String member : args.fieldNames()) {
      if (!isParam(member)) {
        errors = add(errors, new ArgumentError(member, "is not a parameter of " + name));
      }
    }
    return errors;
  }

  /**
   * The arguments of a form post, as a JSON caller would have sent them: each parameter from the fields of
   * its name ({@link ArgType#fromForm}). A field that is no parameter stays in, as text, so that
   * {@link #validate} refuses it as it refuses an unknown JSON member; {@link #RETURN_TO} is left out.
   */
  public JsonObject fromForm(Map<String, List<Object>> fields) {
    JsonObject args = new JsonObject();
    for (ParamDescriptor param : params) {
      Object value = param.type().fromForm(fields.getOrDefault(param.name(), List.of()));
      if (value != null) args.put(param.name(), value);
    }
    for (Map.Entry<String, List<Object>> field : fields.entrySet()) {
      String name = field.getKey();
      if (!isParam(name) && !name.equals(RETURN_TO) && !field.getValue().isEmpty()) {
        args.put(name, field.getValue().get(0));
      }
    }
    return args;
  }

  private boolean isParam(String key) {
    for (ParamDescriptor param : params) {
      if (param.name().equals(key)) return true;
    }
    return false;
  }

  private static List<ArgumentError> add(List<ArgumentError> errors, ArgumentError error) {
    List<ArgumentError> list = errors.isEmpty() ? new ArrayList<>() : errors;
    list.add(error);
    return list;
  }

  /** One invalid argument: its name and a reason safe to show to the caller. */
  public static final class ArgumentError {
    private final String argument;
    private final String reason;

    public ArgumentError(String argument, String reason) {
      this.argument = argument;
      this.reason = reason;
    }

    public String argument() { return argument; }

    public String reason() { return reason; }

    public JsonObject toJson() {
      return new JsonObject().put("argument", argument).put("detail", "'" + argument + "' " + reason);
    }

    @Override
    public String toString() {
      return "'" + argument + "' " + reason;
    }
  }
}
