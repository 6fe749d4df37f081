package dev.verve.fn;

import dev.verve.auth.Access;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One server function: its name, parameters, access rule and whether it returns {@code Future<Void>}. */
public final class MethodDescriptor {

  /** The form field that says where the browser goes after a successful form post; never an argument. */
  public static final String RETURN_TO = "returnTo";

  private final String name;
  private final List<ParamDescriptor> params;
  private final boolean returnsVoid;
  private final Access access;

  MethodDescriptor(String name, boolean returnsVoid, Access access, List<ParamDescriptor> params) {
    this.name = name;
    this.returnsVoid = returnsVoid;
    this.access = Objects.requireNonNull(access, "access");
    this.params = List.copyOf(params);
  }

  public String name() { return name; }

  public List<ParamDescriptor> params() { return params; }

  public boolean returnsVoid() { return returnsVoid; }

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
