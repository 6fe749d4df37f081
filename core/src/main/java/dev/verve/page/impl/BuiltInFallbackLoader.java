package dev.verve.page.impl;

import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import com.github.jknack.handlebars.io.TemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * The app's templates first, then Verve's built-in ones ({@value #BUILT_IN} on the class path: the sign-in
 * pages and a plain layout). So an app that has no {@code login.hbs} gets Verve's, drawn in the app's own
 * {@code layout.hbs} when it has one; an app overrides any of them by providing a template of that name.
 */
final class BuiltInFallbackLoader implements TemplateLoader {

  static final String BUILT_IN = "/dev/verve/templates";

  private final TemplateLoader app;
  private final TemplateLoader builtIn = new ClassPathTemplateLoader(BUILT_IN, ".hbs");

  BuiltInFallbackLoader(TemplateLoader app) {
    this.app = app;
  }

  @Override
  public TemplateSource sourceAt(String location) throws IOException {
    try {
      return app.sourceAt(location);
    } catch (FileNotFoundException notTheApps) {
      try {
        return builtIn.sourceAt(location);
      } catch (FileNotFoundException notVerves) {
        throw notTheApps;
      }
    }
  }

  /** Whether a template of that name is the app's or Verve's. Reads resources: not on an event loop. */
  boolean exists(String location) {
    try {
      sourceAt(location);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String resolve(String location) { return app.resolve(location); }

  @Override
  public String getPrefix() { return app.getPrefix(); }

  @Override
  public String getSuffix() { return app.getSuffix(); }

  @Override
  public void setPrefix(String prefix) { app.setPrefix(prefix); }

  @Override
  public void setSuffix(String suffix) { app.setSuffix(suffix); }

  @Override
  public void setCharset(Charset charset) {
    app.setCharset(charset);
    builtIn.setCharset(charset);
  }

  @Override
  public Charset getCharset() { return app.getCharset(); }
}
