package dev.verve.page.impl;

import com.github.jknack.handlebars.io.TemplateLoader;
import com.github.jknack.handlebars.io.TemplateSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each template and partial was found. Handlebars looks a partial up on the class path on
 * every render; with this, a render after the first touches no resource at all.
 */
final class CachingTemplateLoader implements TemplateLoader {

  private final TemplateLoader delegate;
  private final Map<String, TemplateSource> sources = new ConcurrentHashMap<>();

  CachingTemplateLoader(TemplateLoader delegate) {
    this.delegate = delegate;
  }

  @Override
  public TemplateSource sourceAt(String location) throws IOException {
    TemplateSource source = sources.get(location);
    if (source == null) {
      source = delegate.sourceAt(location);
      sources.put(location, source);
    }
    return source;
  }

  void clear() {
    sources.clear();
  }

  @Override
  public String resolve(String location) { return delegate.resolve(location); }

  @Override
  public String getPrefix() { return delegate.getPrefix(); }

  @Override
  public String getSuffix() { return delegate.getSuffix(); }

  @Override
  public void setPrefix(String prefix) { delegate.setPrefix(prefix); }

  @Override
  public void setSuffix(String suffix) { delegate.setSuffix(suffix); }

  @Override
  public void setCharset(Charset charset) { delegate.setCharset(charset); }

  @Override
  public Charset getCharset() { return delegate.getCharset(); }
}
