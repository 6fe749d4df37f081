package dev.verve.openapi.impl;

import dev.verve.http.HttpProblem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dev mode only: {@code GET <api.prefix>/docs}, Swagger UI over the document, its files served from the
 * {@code org.webjars:swagger-ui} jar on the class path (no CDN, works offline). Only the few files the
 * page loads are served; each is read once, off the event loop.
 */
public final class SwaggerUi {

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final Map<String, String> FILES = Map.of(
    "swagger-ui.css", "text/css; charset=utf-8",
    "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
    "favicon-32x32.png", "image/png");

  // The page's own start-up script, a file rather than inline so that it also runs under a strict CSP.
  private static final String INIT = "const root = document.getElementById(\"swagger-ui\");\n"
    + "window.ui = SwaggerUIBundle({ url: root.dataset.url, domNode: root, deepLinking: true });\n";

  private final Vertx vertx;
  private final String prefix;
  private final Map<String, Future<Buffer>> files = new ConcurrentHashMap<>();

  public SwaggerUi(Vertx vertx, String prefix) {
    this.vertx = vertx;
    this.prefix = prefix;
  }

  public void mount(Router router) {
    router.get(prefix + "/docs").handler(this::page);
    router.get(prefix + "/docs/verve-init.js").handler(ctx -> ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8").end(INIT));
    router.get(prefix + "/docs/:file").handler(this::file);
  }

  private void page(RoutingContext ctx) {
    String base = escape(prefix);
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>API</title>\n"
        + "<link rel=\"stylesheet\" href=\"" + base + "/docs/swagger-ui.css\">\n"
        + "<link rel=\"icon\" type=\"image/png\" href=\"" + base + "/docs/favicon-32x32.png\">\n</head>\n<body>\n"
        + "<div id=\"swagger-ui\" data-url=\"" + base + "/openapi.json\"></div>\n"
        + "<script src=\"" + base + "/docs/swagger-ui-bundle.js\"></script>\n"
        + "<script src=\"" + base + "/docs/verve-init.js\"></script>\n</body>\n</html>\n");
  }

  private void file(RoutingContext ctx) {
    String name = ctx.pathParam("file");
    String type = FILES.get(name);
    if (type == null) {
      ctx.fail(new HttpProblem(404, "Not a file of the API docs"));
      return;
    }
    files.computeIfAbsent(name, this::load).onComplete(ar -> {
      if (ar.failed()) {
        files.remove(name);
        ctx.fail(new HttpProblem(404, "Swagger UI is not on the class path: add org.webjars:swagger-ui"));
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type).putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .end(ar.result());
    });
  }

  // The webjar's files sit under its version: read it from the jar's own Maven metadata.
  private Future<Buffer> load(String name) {
    return vertx.executeBlocking(() -> {
      ClassLoader loader = SwaggerUi.class.getClassLoader();
      Properties pom = new Properties();
      try (InputStream in = loader.getResourceAsStream(POM)) {
        if (in == null) throw new IOException(POM + " not found");
        pom.load(in);
      }
      try (InputStream in = loader.getResourceAsStream(WEBJAR + pom.getProperty("version") + "/" + name)) {
        if (in == null) throw new IOException(name + " not found in the webjar");
        return Buffer.buffer(in.readAllBytes());
      }
    }, false);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
