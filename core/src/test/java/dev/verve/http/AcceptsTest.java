package dev.verve.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who gets the web's answers (303) to a form post, and who gets JSON. */
class AcceptsTest {

  @Test
  void browsersNavigatingPreferHtml() {
    assertTrue(Accepts.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"));
    assertTrue(Accepts.prefersHtml("text/html"));
    assertTrue(Accepts.prefersHtml("application/json;q=0.5, text/html"));
  }

  @Test
  void scriptsAndClientsGetJson() {
    assertFalse(Accepts.prefersHtml(null));
    assertFalse(Accepts.prefersHtml("*/*"));
    assertFalse(Accepts.prefersHtml("application/json"));
    assertFalse(Accepts.prefersHtml("application/json, text/html;q=0.9"));
    assertFalse(Accepts.prefersHtml("text/html;q=0, */*"));
    assertFalse(Accepts.prefersHtml("text/html;q=0.5, */*"));
  }
}
