package dev.verve.impl;

import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the browser runtime ({@code /verve/verve.js}) and the generated function modules
 * ({@code /verve/fn/<Interface>.js}, only for interfaces exposed here) from the class path, so a fat jar
 * works; and their TypeScript declarations ({@code /verve/verve.d.ts}, {@code /verve/fn/<Interface>.d.ts}). Each file is read and gzipped once, off the event loop, and kept in memory.
 */
final class ClasspathModules {

  private static final String JS = "text/javascript; charset=utf-8";
  private static final String TS = "application/typescript; charset=utf-8";

  private final Vertx vertx;
  private final Map<String, ServiceDescriptor> services;
  private final Map<String, Future<Module>> cache = new ConcurrentHashMap<>();

  ClasspathModules(Vertx vertx, Map<String, ServiceDescriptor> services) {
    this.vertx = vertx;
    this.services = services;
  }

  void mount(Router router) {
    router.get("/verve/verve.js").handler(ctx -> serve(ctx, "verve/verve.js", ClasspathModules.class.getClassLoader()));
    router.get("/verve/verve.d.ts").handler(ctx -> serve(ctx, "verve/verve.d.ts", ClasspathModules.class.getClassLoader()));
    router.get("/verve/fn/:module").handler(this::serveFunctionModule);
  }

  private void serveFunctionModule(RoutingContext ctx) {
    String module = ctx.pathParam("module");
    // The module, or its TypeScript declarations (generated beside it).
    String extension = module.endsWith(".d.ts") ? ".d.ts" : module.endsWith(".js") ? ".js" : null;
    String name = extension == null ? null : module.substring(0, module.length() - extension.length());
    ServiceDescriptor service = name == null ? null : services.get(name);
    if (service == null) {
      ctx.next();
      return;
    }
    // The module sits next to the interface's classes, in the application's jar.
    serve(ctx, "verve/fn/" + name + extension, service.iface().getClassLoader());
  }

  private void serve(RoutingContext ctx, String resource, ClassLoader loader) {
    cache.computeIfAbsent(resource, r -> load(r, loader)).onComplete(ar -> {
      if (ar.failed() || ar.result() == null) {
        ctx.next();
        return;
      }
      Module module = ar.result();
      String acceptEncoding = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
      boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
      ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, resource.endsWith(".d.ts") ? TS : JS)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
        .putHeader(HttpHeaders.ETAG, module.etag);
      if (module.etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
        ctx.response().setStatusCode(304).end();
      } else if (gzip) {
        ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(module.gzipped);
      } else {
        ctx.response().end(module.plain);
      }
    });
  }

  /** A file as read once: its bytes, the same gzipped (compressed once, not per request), its ETag. */
  private static final class Module {
    final Buffer plain;
    final Buffer gzipped;
    final String etag;

    Module(byte[] bytes) throws IOException {
      plain = Buffer.buffer(bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gz = new GZIPOutputStream(out) {{ def.setLevel(Deflater.BEST_COMPRESSION); }}) {
        gz.write(bytes);
      }
      gzipped = Buffer.buffer(out.toByteArray());
      etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + bytes.length + "\"";
    }
  }

  // null (not a failure) when the resource does not exist, so the route falls through to 404.
  private Future<Module> load(String resource, ClassLoader loader) {
    return vertx.executeBlocking(() -> {
      try (InputStream in = loader.getResourceAsStream(resource)) {
        return in == null ? null : new Module(in.readAllBytes());
      } catch (IOException e) {
        return null;
      }
    }, false);
  }
}
