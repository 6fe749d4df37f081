package dev.verve.impl;

import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the browser runtime ({@code /verve/verve.js}) and the generated function modules
 * ({@code /verve/fn/<Interface>.js}, only for interfaces exposed here) from the class path, so a fat jar
 * works. Each file is read once, off the event loop, and kept in memory.
 */
final class ClasspathModules {

  private static final String JS = "text/javascript; charset=utf-8";

  private final Vertx vertx;
  private final Map<String, ServiceDescriptor> services;
  private final Map<String, Future<Buffer>> cache = new ConcurrentHashMap<>();

  ClasspathModules(Vertx vertx, Map<String, ServiceDescriptor> services) {
    this.vertx = vertx;
    this.services = services;
  }

  void mount(Router router) {
    router.get("/verve/verve.js").handler(ctx -> serve(ctx, "verve/verve.js", ClasspathModules.class.getClassLoader()));
    router.get("/verve/fn/:module").handler(this::serveFunctionModule);
  }

  private void serveFunctionModule(RoutingContext ctx) {
    String module = ctx.pathParam("module");
    String name = module.endsWith(".js") ? module.substring(0, module.length() - 3) : null;
    ServiceDescriptor service = name == null ? null : services.get(name);
    if (service == null) {
      ctx.next();
      return;
    }
    // The module sits next to the interface's classes, in the application's jar.
    serve(ctx, "verve/fn/" + name + ".js", service.iface().getClassLoader());
  }

  private void serve(RoutingContext ctx, String resource, ClassLoader loader) {
    cache.computeIfAbsent(resource, r -> load(r, loader)).onComplete(ar -> {
      if (ar.failed() || ar.result() == null) {
        ctx.next();
        return;
      }
      Buffer body = ar.result();
      String etag = "\"" + Integer.toHexString(body.hashCode()) + "-" + body.length() + "\"";
      ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, JS)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader(HttpHeaders.ETAG, etag);
      if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
        ctx.response().setStatusCode(304).end();
      } else {
        ctx.response().end(body);
      }
    });
  }

  // null (not a failure) when the resource does not exist, so the route falls through to 404.
  private Future<Buffer> load(String resource, ClassLoader loader) {
    return vertx.executeBlocking(() -> {
      try (InputStream in = loader.getResourceAsStream(resource)) {
        return in == null ? null : Buffer.buffer(in.readAllBytes());
      } catch (IOException e) {
        return null;
      }
    }, false);
  }
}
