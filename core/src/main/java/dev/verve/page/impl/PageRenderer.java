package dev.verve.page.impl;

import dev.verve.page.compiled.CompiledTemplate;
import dev.verve.page.compiled.CompiledTemplates;
import dev.verve.page.compiled.Html;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Renders a page, template and state, to the one buffer the response ends with. A template compiled at
 * build time renders straight into UTF-8 bytes, the state block written into the same bytes before
 * {@code </body>}; otherwise (dev mode, a template the compiler left alone, or one edited since it was
 * compiled) the runtime engine renders it and {@link PageAssembly} inserts the state. Both give the same
 * bytes.
 */
public final class PageRenderer {

  private static final Logger LOG = Logger.getLogger(PageRenderer.class.getName());
  private static final byte[] STATE_OPEN = Html.utf8("<script type=\"application/json\" id=\"verve-state\">");
  private static final byte[] STATE_CLOSE = Html.utf8("</script>" + PageAssembly.RUNTIME);
  private static final byte[] NOTHING = {};

  private final Vertx vertx;
  private final HandlebarsEngine engine;
  private final String root;
  private final Map<String, CompiledTemplate> available;
  private final boolean dev;
  private final Map<String, Future<CompiledTemplate>> checked = new ConcurrentHashMap<>();
  private volatile int largest = 4096;

  public PageRenderer(Vertx vertx, HandlebarsEngine engine, String root, boolean dev) {
    this(vertx, engine, root, dev ? Map.of() : CompiledTemplates.of(root.replaceAll("^/+|/+$", ""),
      AppTemplateLoader.current()), dev);
  }

  PageRenderer(Vertx vertx, HandlebarsEngine engine, String root, Map<String, CompiledTemplate> compiled) {
    this(vertx, engine, root, compiled, false);
  }

  private PageRenderer(Vertx vertx, HandlebarsEngine engine, String root, Map<String, CompiledTemplate> compiled,
                       boolean dev) {
    this.dev = dev;
    this.vertx = vertx;
    this.engine = engine;
    this.root = root.replaceAll("^/+|/+$", "");
    this.available = compiled;
  }

  /** The page {@code template} renders for {@code model}, with {@code state} embedded. */
  public Future<Buffer> render(String template, Map<String, Object> model, Map<String, Object> state) {
    Future<CompiledTemplate> compiled = compiled(template);
    if (compiled.succeeded() && compiled.result() != null) {
      try {
        return Future.succeededFuture(render(compiled.result(), model, state));
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    if (!compiled.isComplete()) {
      return compiled.compose(t -> render(template, model, state));
    }
    return engine.renderString(model, template)
      .map(html -> Buffer.buffer(PageAssembly.insert(html, StateWriter.write(state), dev)));
  }

  private Buffer render(CompiledTemplate template, Map<String, Object> model, Map<String, Object> state) {
    Buffer page = render(template, model, state, largest);
    if (page.length() > largest) largest = page.length();
    return page;
  }

  /** A compiled template and its state in one buffer, the same bytes as the runtime path gives. */
  public static Buffer render(CompiledTemplate template, Object model, Map<String, Object> state, int capacity) {
    Html out = new Html(capacity);
    template.render(model, out);
    int body = out.lastBodyClose();
    byte[] tail = body < 0 ? NOTHING : out.cut(body);
    out.raw(STATE_OPEN);
    StateWriter.write(state, out);
    out.raw(STATE_CLOSE);
    out.raw(tail);
    return out.toBuffer();
  }

  // Once per template, on a worker: a compiled template is used only if its sources are unchanged.
  private Future<CompiledTemplate> compiled(String template) {
    CompiledTemplate candidate = available.get(template);
    if (candidate == null) return Future.succeededFuture();
    return checked.computeIfAbsent(template, name -> vertx.executeBlocking(() -> current(candidate), false));
  }

  private CompiledTemplate current(CompiledTemplate template) throws IOException {
    ClassLoader app = template.getClass().getClassLoader();
    List<String> texts = new ArrayList<>();
    for (String name : template.sources()) {
      String path = root + "/" + name + ".hbs";
      try (InputStream in = app.getResourceAsStream(path)) {
        if (in == null) return stale(template, path + " is gone");
        texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    if (CompiledTemplate.hash(texts) != template.sourceHash()) {
      return stale(template, "one of " + template.sources() + " changed since it was compiled");
    }
    return template;
  }

  private CompiledTemplate stale(CompiledTemplate template, String why) {
    LOG.warning(() -> "Template " + root + "/" + template.name() + ".hbs renders with the runtime engine: "
      + why + " (rebuild to compile it again)");
    return null;
  }
}
