package dev.verve.openapi;

import dev.verve.fn.ServiceDescriptor;
import dev.verve.http.Sessions;
import dev.verve.openapi.impl.OpenApiDocument;
import dev.verve.openapi.impl.SwaggerUi;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET <api.prefix>/openapi.json}: the document of the interfaces exposed here, assembled once
 * (again only if an interface is exposed later), off the event loop. Mounted before the function handler,
 * which would otherwise answer 405 for a GET on the prefix.
 */
public final class OpenApiRoutes {

  private static final Logger LOG = Logger.getLogger(OpenApiRoutes.class.getName());

  private final Vertx vertx;
  private final Map<String, ServiceDescriptor> services;
  private final String prefix;
  private volatile Built built;

  private record Built(Set<String> names, Future<Document> document) {
  }

  private record Document(Buffer json, String etag) {
  }

  /** {@code services}: the interfaces exposed here, a live view ({@code Functions.exposed()}). */
  public OpenApiRoutes(Vertx vertx, Map<String, ServiceDescriptor> services, String prefix) {
    this.vertx = vertx;
    this.services = services;
    this.prefix = prefix;
  }

  public void mount(Router router, boolean dev) {
    router.get(prefix + "/openapi.json").handler(this::serve);
    if (dev) {
      new SwaggerUi(vertx, prefix).mount(router);
    }
  }

  private void serve(RoutingContext ctx) {
    document().onComplete(ar -> {
      if (ar.failed()) {
        LOG.log(Level.SEVERE, "Cannot assemble the OpenAPI document", ar.cause());
        ctx.fail(500, ar.cause());
        return;
      }
      Document document = ar.result();
      ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader(HttpHeaders.ETAG, document.etag());
      if (document.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
        ctx.response().setStatusCode(304).end();
      } else {
        ctx.response().end(document.json());
      }
    });
  }

  private Future<Document> document() {
    Set<String> names = new TreeSet<>(services.keySet());
    Built current = built;
    if (current == null || !current.names().equals(names) || current.document().failed()) {
      Future<Document> document = vertx.executeBlocking(() -> {
        Buffer json = OpenApiDocument.build(services.values(), prefix, Sessions.COOKIE).toBuffer();
        return new Document(json, "\"" + Integer.toHexString(json.hashCode()) + "-" + json.length() + "\"");
      }, false);
      current = new Built(names, document);
      built = current;
    }
    return current.document();
  }
}
