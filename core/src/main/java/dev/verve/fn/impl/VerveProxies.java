package dev.verve.fn.impl;

import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.serviceproxy.ServiceProxyBuilder;

/**
 * Event-bus proxies of {@code @ServerFunctions} interfaces: the generated {@code <Interface>VerveProxy}
 * (vertx-service-proxy's proxy, plus the stream functions Verve serves), or vertx-service-proxy's own proxy
 * for an interface compiled before Verve generated one.
 */
final class VerveProxies {

  private VerveProxies() {
  }

  static <T> T create(Vertx vertx, Class<T> iface, String address, DeliveryOptions options) {
    Class<?> generated;
    try {
      generated = Class.forName(iface.getName() + ServiceDescriptor.PROXY_SUFFIX, true, iface.getClassLoader());
    } catch (ClassNotFoundException e) {
      return new ServiceProxyBuilder(vertx).setAddress(address).setOptions(options).build(iface);
    }
    try {
      return iface.cast(generated.getConstructor(Vertx.class, String.class, DeliveryOptions.class)
        .newInstance(vertx, address, options));
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(generated.getName() + " is not a Verve proxy of " + iface.getName()
        + ": rebuild the project so verve-codegen generates it again", e);
    }
  }
}
