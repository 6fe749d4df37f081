package dev.verve.fn;

import java.util.Objects;

/** One parameter of a server function: its Java name (the JSON member name), type and nullability. */
public final class ParamDescriptor {

  private final String name;
  private final ArgType type;
  private final boolean nullable;

  private ParamDescriptor(String name, ArgType type, boolean nullable) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.nullable = nullable;
  }

  /** A required parameter: missing or {@code null} is a 400. */
  public static ParamDescriptor of(String name, ArgType type) {
    return new ParamDescriptor(name, type, false);
  }

  /** A {@code @Nullable} parameter: may be missing or {@code null}. */
  public static ParamDescriptor nullable(String name, ArgType type) {
    return new ParamDescriptor(name, type, true);
  }

  public String name() { return name; }

  public ArgType type() { return type; }

  public boolean isNullable() { return nullable; }
}
