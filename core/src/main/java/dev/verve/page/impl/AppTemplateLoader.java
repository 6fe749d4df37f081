package dev.verve.page.impl;

import com.github.jknack.handlebars.io.ClassPathTemplateLoader;

import java.net.URL;

/**
 * Templates from the app's class loader, not Handlebars' own: the same one in a packaged app, but in dev mode
 * the app's classes and resources are loaded by a class loader of their own, made anew at each redeploy.
 */
final class AppTemplateLoader extends ClassPathTemplateLoader {

  private final ClassLoader app;

  AppTemplateLoader(String prefix, String suffix, ClassLoader app) {
    super(prefix, suffix);
    this.app = app;
  }

  @Override
  protected URL getResource(String location) {
    return app.getResource(location.startsWith("/") ? location.substring(1) : location);
  }

  /** The class loader of the app being started: Vert.x makes it the thread's while a verticle starts. */
  static ClassLoader current() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : AppTemplateLoader.class.getClassLoader();
  }
}
