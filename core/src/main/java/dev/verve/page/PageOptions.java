package dev.verve.page;

import dev.verve.config.ConfigKeys;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/** The pages' part of the settings ({@code templates.*} in {@link ConfigKeys}). */
public class PageOptions {

  private String templateRoot = ConfigKeys.TEMPLATES_ROOT.defaultValue();

  /** Reads the {@code templates.*} keys of a merged config (flat, dotted keys). */
  public static PageOptions fromConfig(JsonObject config) {
    return new PageOptions().setTemplateRoot(ConfigKeys.TEMPLATES_ROOT.get(config));
  }

  public String getTemplateRoot() { return templateRoot; }

  /** {@code templates.root}: where page templates live on the class path; default {@code templates}. */
  public PageOptions setTemplateRoot(String templateRoot) {
    this.templateRoot = Objects.requireNonNull(templateRoot, "templates.root");
    return this;
  }
}
