package dev.verve.page.impl;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.ValueResolver;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.io.TemplateLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.common.template.TemplateEngine;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Vert.x {@link TemplateEngine} over jknack Handlebars that compiles each template and partial once.
 * Templates and partials are named from one root on the class path ({@code templates/} by default), so
 * {@code {{> layout}}} means {@code templates/layout.hbs} from any template, in any folder, also inside a
 * fat jar. The first render of a template runs on a worker (it reads resources); later renders are pure
 * CPU on the caller's event loop. In dev mode nothing is cached: edits show on the next request.
 */
public final class HandlebarsEngine implements TemplateEngine {

  private static final ValueResolver[] RESOLVERS = {
    JsonValueResolver.INSTANCE, MapValueResolver.INSTANCE, JavaBeanValueResolver.INSTANCE,
    MethodValueResolver.INSTANCE
  };

  private final Vertx vertx;
  private final boolean dev;
  private final Handlebars handlebars;
  private final CachingTemplateLoader loader;
  private final BuiltInFallbackLoader templates;
  private final Map<String, Future<Template>> compiled = new ConcurrentHashMap<>();

  public HandlebarsEngine(Vertx vertx, String root, boolean dev) {
    this(vertx, root, dev, AppTemplateLoader.current());
  }

  /** {@code app}: the class loader of the app's templates. */
  public HandlebarsEngine(Vertx vertx, String root, boolean dev, ClassLoader app) {
    this.vertx = vertx;
    this.dev = dev;
    String prefix = "/" + root.replaceAll("^/+|/+$", "");
    this.templates = new BuiltInFallbackLoader(new AppTemplateLoader(prefix, ".hbs", app));
    this.loader = new CachingTemplateLoader(templates);
    this.handlebars = handlebars(loader).with(new ConcurrentMapTemplateCache().setReload(dev));
  }

  /**
   * A Handlebars configured as Verve renders pages (escaping, whitespace); with {@link #context} it is
   * also the reference the compiled templates are tested against.
   */
  public static Handlebars handlebars(TemplateLoader loader) {
    return new Handlebars(loader).with(new HtmlEscaping()).prettyPrint(false);
  }

  /** The root context of a render: JSON members first, then maps, then bean properties and methods. */
  public static Context context(Object model) {
    return Context.newBuilder(model).resolver(RESOLVERS).build();
  }

  /** The Handlebars instance, to register helpers. */
  @Override
  public Handlebars unwrap() {
    return handlebars;
  }

  @Override
  public Future<Buffer> render(Map<String, Object> context, String templateName) {
    return renderString(context, templateName).map(Buffer::buffer);
  }

  /** Renders to a String; the page handler inserts the state before encoding once. */
  public Future<String> renderString(Object model, String templateName) {
    if (dev) {
      // Read and parsed again at each render: the template, its layout and partials as they are saved now.
      return vertx.executeBlocking(() -> {
        loader.clear();
        handlebars.getCache().clear();
        return apply(handlebars.compile(templateName), model);
      }, false);
    }
    Future<Template> template = compiled.computeIfAbsent(templateName, this::compile);
    if (template.succeeded()) {
      try {
        return Future.succeededFuture(apply(template.result(), model));
      } catch (IOException | RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    // First render: the partials it pulls in are read and parsed on a worker too.
    return template.compose(t -> vertx.executeBlocking(() -> apply(t, model), false));
  }

  // Reading and parsing happen off the event loop; a failed compile is retried on the next request.
  private Future<Template> compile(String templateName) {
    Future<Template> loading = vertx.executeBlocking(() -> handlebars.compile(templateName), false);
    loading.onFailure(err -> compiled.remove(templateName, loading));
    return loading;
  }

  private static String apply(Template template, Object model) throws IOException {
    Context context = context(model);
    try {
      return template.apply(context);
    } finally {
      context.destroy();
    }
  }

  /** Whether {@code templateName} is the app's or a built-in template; on a worker, it reads resources. */
  public Future<Boolean> exists(String templateName) {
    return vertx.executeBlocking(() -> templates.exists(templateName), false);
  }

  @Override
  public void clearCache() {
    compiled.clear();
    loader.clear();
    handlebars.getCache().clear();
  }
}
