package dev.verve.fn;

import dev.verve.auth.Access;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What {@code verve-codegen} knows about one {@code @ServerFunctions} interface: its event-bus address
 * and its methods with their parameters. The generated {@code <Interface>VerveDescriptor} class holds
 * one in its {@code DESCRIPTOR} field; {@link #of(Class)} finds it.
 */
public final class ServiceDescriptor {

  /** Suffix of the generated descriptor class, e.g. {@code CounterVerveDescriptor}. */
  public static final String GENERATED_SUFFIX = "VerveDescriptor";

  /** Suffix of the generated event-bus proxy (stream functions included), e.g. {@code CounterVerveProxy}. */
  public static final String PROXY_SUFFIX = "VerveProxy";

  private final Class<?> iface;
  private final String address;
  private final Map<String, MethodDescriptor> methods;

  private ServiceDescriptor(Class<?> iface, String address, Map<String, MethodDescriptor> methods) {
    this.iface = iface;
    this.address = address;
    this.methods = Collections.unmodifiableMap(methods);
  }

  public static Builder builder(Class<?> iface, String address) {
    return new Builder(iface, address);
  }

  /**
   * The generated descriptor of {@code iface}.
   *
   * @throws IllegalArgumentException if the interface is not a {@code @ServerFunctions} interface that
   *     {@code verve-codegen} processed
   */
  public static ServiceDescriptor of(Class<?> iface) {
    // verve-codegen generates a descriptor for @ServerFunctions interfaces only (the facade, which users
    // call, names the annotation when it is missing): a descriptor found is the proof.
    if (!iface.isInterface()) {
      throw new IllegalArgumentException(iface.getName() + " is not a @ServerFunctions interface;"
        + " only those are served over HTTP");
    }
    String generated = iface.getName() + GENERATED_SUFFIX;
    try {
      Class<?> holder = Class.forName(generated, true, iface.getClassLoader());
      Field field = holder.getField("DESCRIPTOR");
      return (ServiceDescriptor) field.get(null);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("No " + generated + " was generated for " + iface.getName()
        + ": put dev.verve:verve-codegen (which brings vertx-codegen's processor)"
        + " and io.vertx:vertx-service-proxy on the annotation processor path, and annotate the interface with @ServerFunctions @ProxyGen @VertxGen");
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalArgumentException(generated + " is not a Verve descriptor: regenerate it", e);
    }
  }

  public Class<?> iface() { return iface; }

  /** The name in URLs: {@code /api/<name>/<method>}. */
  public String name() { return iface.getSimpleName(); }

  /** The event-bus address the functions are served on. */
  public String address() { return address; }

  /** The method, or {@code null} if the interface has none of that name. */
  public MethodDescriptor method(String name) {
    return methods.get(name);
  }

  public Collection<MethodDescriptor> methods() {
    return methods.values();
  }

  /** Builds a descriptor; used by generated code. */
  public static final class Builder {
    private final Class<?> iface;
    private final String address;
    private final Map<String, MethodDescriptor> methods = new LinkedHashMap<>();

    private Builder(Class<?> iface, String address) {
      this.iface = Objects.requireNonNull(iface);
      this.address = Objects.requireNonNull(address);
    }

    public Builder method(String name, boolean returnsVoid, Access access, ParamDescriptor... params) {
      List<ParamDescriptor> list = new ArrayList<>(List.of(params));
      if (methods.putIfAbsent(name, new MethodDescriptor(name, returnsVoid, access, list)) != null) {
        throw new IllegalArgumentException("Duplicate method " + name + " in " + iface.getName());
      }
      return this;
    }

    /**
     * A stream function: {@code opener} calls it on an implementation with validated arguments,
     * {@code itemToJson} turns each item into a JSON value.
     */
    public Builder stream(String name, Access access, BiFunction<Object, JsonObject, Future<? extends ReadStream<?>>> opener,
                          Function<Object, Object> itemToJson, ParamDescriptor... params) {
      Objects.requireNonNull(opener, "opener");
      Objects.requireNonNull(itemToJson, "itemToJson");
      MethodDescriptor method = new MethodDescriptor(name, false, access, List.of(params), opener, itemToJson);
      if (methods.putIfAbsent(name, method) != null) {
        throw new IllegalArgumentException("Duplicate method " + name + " in " + iface.getName());
      }
      return this;
    }

    public ServiceDescriptor build() {
      return new ServiceDescriptor(iface, address, new LinkedHashMap<>(methods));
    }
  }
}
