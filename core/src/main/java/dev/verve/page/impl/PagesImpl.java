package dev.verve.page.impl;

import dev.verve.http.RequestLimit;
import dev.verve.http.StatusTimers;
import dev.verve.page.Page;
import dev.verve.page.PageOptions;
import dev.verve.page.Pages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public final class PagesImpl implements Pages {

  private final Vertx vertx;
  private final PageOptions options;
  private final boolean dev;
  private final long timeoutMs;
  private final MeterRegistry registry;
  private final RequestLimit limit;
  private final Map<String, String> templates = new java.util.LinkedHashMap<>();
  private PageRenderer renderer;
  private HandlebarsEngine engine;

  public PagesImpl(Vertx vertx, PageOptions options, boolean dev, long timeoutMs, MeterRegistry registry,
                   RequestLimit limit) {
    this.vertx = vertx;
    this.options = options;
    this.dev = dev;
    this.timeoutMs = timeoutMs;
    this.registry = registry;
    this.limit = limit;
  }

  @Override
  public Page page(Router router, String path, String template) {
    StatusTimers timers = new StatusTimers(registry, "verve.page.requests", "Page requests, by response status",
      Tags.of("template", template));
    PageImpl page = new PageImpl(template, renderer(), timeoutMs, dev, timers, limit);
    router.get(path).handler(page);
    synchronized (this) {
      templates.putIfAbsent(template, path);
    }
    return page;
  }

  @Override
  public Future<Void> ready() {
    List<Future<Void>> checks = new ArrayList<>();
    Map<String, String> pages;
    synchronized (this) {
      if (templates.isEmpty()) return Future.succeededFuture();
      renderer();
      pages = Map.copyOf(templates);
    }
    String root = options.getTemplateRoot().replaceAll("^/+|/+$", "");
    pages.forEach((template, path) -> checks.add(engine.exists(template).compose(found -> found
      ? Future.<Void>succeededFuture()
      : Future.failedFuture(new IllegalStateException("The page " + path + " renders the template " + root + "/"
        + template + ".hbs, which is not on the class path")))));
    return Future.all(checks).mapEmpty();
  }

  @Override
  public Future<Buffer> render(String template, Map<String, Object> model, Map<String, Object> state) {
    return renderer().render(template, model, state);
  }

  // Made at the first page: an app without pages never reads a template.
  private synchronized PageRenderer renderer() {
    if (renderer == null) {
      engine = new HandlebarsEngine(vertx, options.getTemplateRoot(), dev);
      renderer = new PageRenderer(vertx, engine, options.getTemplateRoot(), dev);
    }
    return renderer;
  }
}
