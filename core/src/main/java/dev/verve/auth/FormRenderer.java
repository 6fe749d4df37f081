package dev.verve.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.Map;

/** Renders the sign-in forms' templates ({@code login}, {@code signup}) with their model, as pages are rendered. */
@FunctionalInterface
public interface FormRenderer {

  Future<Buffer> render(String template, Map<String, Object> model);
}
