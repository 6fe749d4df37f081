package dev.verve.codegen.pages;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.StringTemplateSource;
import com.github.jknack.handlebars.io.TemplateSource;
import dev.verve.page.impl.HandlebarsEngine;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** handlebars.java as Verve's runtime engine configures it, over templates held in a map. */
final class Oracle {

  private Oracle() {
  }

  /** The bytes handlebars.java renders for {@code name}, or the exception it throws. */
  static byte[] render(Map<String, String> templates, String name, Object data) throws Exception {
    Handlebars handlebars = HandlebarsEngine.handlebars(new AbstractTemplateLoader() {
      @Override
      public TemplateSource sourceAt(String location) throws FileNotFoundException {
        String text = templates.get(location);
        if (text == null) throw new FileNotFoundException(location);
        return new StringTemplateSource(location, text);
      }
    });
    String html = handlebars.compile(name).apply(HandlebarsEngine.context(data));
    return html.getBytes(StandardCharsets.UTF_8);
  }
}
