package dev.verve.examples.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verve.js's declarative bindings on a server-rendered page (fixtures/bindings.html), in Chromium. */
class BindingsBrowserTest extends BrowserTestBase {

  static final String STORE = "const { store } = await import('/verve/verve.js');";

  @Test
  void hydrationKeepsTheDomTheServerSent() {
    page("bindings.html");
    // The only change hydration makes is the marker on <html>: no text, attribute or node rewritten.
    assertEquals(List.of("attributes HTML data-verve-hydrated"), browser.js("return window.mutations"));
    assertEquals(true, browser.js("return window.server.count === document.getElementById('count').firstChild"));
    assertEquals(true, browser.js("const rows = document.querySelectorAll('#todos li[data-key]');"
      + "return rows.length === 2 && window.server.rows[0] === rows[0] && window.server.rows[1] === rows[1]"));
    assertEquals(List.of(), console());
  }

  @Test
  void textFollowsTheStore() {
    page("bindings.html");
    browser.find("#up").click();
    browser.waitText("#count", "6");
    browser.find("#up").click();
    browser.waitText("#count", "7");
    assertEquals("Grace", browser.texts("#deep").get(0));
    assertEquals("", browser.texts("#missing").get(0));
    assertEquals(7L, browser.jsAsync(STORE + "return store.count"));
    // An unknown name reads as undefined, and a later write still reaches its bindings.
    assertEquals(true, browser.jsAsync(STORE + "return store.nothing === undefined"));
    browser.jsAsync(STORE + "store.nothing = 'now here'; return true");
    browser.waitText("#missing", "now here");
  }

  @Test
  void hydrateBindsAddedContentOnce() {
    page("bindings.html");
    browser.jsAsync("const { hydrate } = await import('/verve/verve.js');"
      + "const div = document.createElement('div');"
      + "div.innerHTML = '<span id=\"again\" data-text=\"count\"></span><button id=\"up2\" data-on-click=\"up\">up</button>';"
      + "document.body.append(div); hydrate(div); hydrate(div); hydrate(); return true");
    browser.waitText("#again", "5");
    browser.find("#up2").click();
    browser.waitText("#again", "6");
    assertEquals("6", browser.texts("#count").get(0));
  }

  @Test
  void valueIsTwoWayForTextInputs() {
    page("bindings.html");
    browser.find("#name").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Linus");
    browser.waitText("#hello", "Linus");
    assertEquals("Linus", browser.jsAsync(STORE + "return store.name"));
    browser.find("#reset").click();
    browser.waitFor(d -> "Ada".equals(browser.find("#name").getDomProperty("value")));
    browser.waitText("#hello", "Ada");
  }

  @Test
  void checkboxesBindCheckedAndDriveShowAndHide() {
    page("bindings.html");
    assertFalse(browser.find("#agreed").isDisplayed());
    assertTrue(browser.find("#not-agreed").isDisplayed());
    assertTrue(browser.find("#not-agreed-too").isDisplayed());

    browser.find("#agree").click();
    browser.waitFor(d -> browser.find("#agreed").isDisplayed());
    assertFalse(browser.find("#not-agreed").isDisplayed());
    assertFalse(browser.find("#not-agreed-too").isDisplayed());
    assertEquals(true, browser.jsAsync(STORE + "return store.agree"));

    browser.find("#reset").click();
    browser.waitFor(d -> !browser.find("#agree").isSelected());
    browser.waitFor(d -> !browser.find("#agreed").isDisplayed());
    assertTrue(browser.find("#not-agreed").isDisplayed());
  }

  @Test
  void selectsRadiosAndNumbers() {
    page("bindings.html");
    new Select(browser.find("#color")).selectByVisibleText("red");
    browser.waitText("#colour", "red");
    browser.find("input[name=size][value=s]").click();
    browser.waitText("#size", "s");

    browser.find("#reset").click();
    browser.waitText("#colour", "blue");
    browser.waitFor(d -> "blue".equals(browser.find("#color").getDomProperty("value")));
    browser.waitFor(d -> browser.find("#size-l").isSelected());
    assertFalse(browser.find("input[name=size][value=s]").isSelected());

    // A number input writes a number, so arithmetic in actions works.
    browser.find("#qty").sendKeys(Keys.chord(Keys.CONTROL, "a"), "7");
    browser.waitText("#qty-text", "7");
    browser.find("#more").click();
    browser.waitText("#qty-text", "8");
    browser.waitFor(d -> "8".equals(browser.find("#qty").getDomProperty("value")));
    assertEquals("number", browser.jsAsync(STORE + "return typeof store.qty"));
  }

  @Test
  void bindAttrSetsAndRemovesAttributes() {
    page("bindings.html");
    WebElement link = browser.find("#link");
    assertEquals("/somewhere", link.getDomAttribute("href"));
    assertFalse(browser.find("#busy").isEnabled());

    browser.find("#attrs").click();
    browser.waitFor(d -> "/elsewhere".equals(link.getDomAttribute("href")));
    assertNull(link.getDomAttribute("title"));
    assertEquals("Off", link.getDomAttribute("aria-label"));
    assertTrue(browser.find("#busy").isEnabled());
  }

  @Test
  void submitRunsTheActionWithoutNavigating() {
    page("bindings.html");
    browser.find("#name").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Linus");
    browser.find("#save").click();
    browser.waitText("#saved", "Linus (form)");
    // Still the same document: the default submit (a navigation) was prevented.
    assertEquals(true, browser.js("return !!window.server"));
    assertTrue(browser.driver().getCurrentUrl().endsWith("/fixtures/bindings.html"));
  }

  @Test
  void listsAdoptTheRenderedRowsThenReconcileByKey() {
    page("bindings.html");
    browser.js("window.two = document.querySelector('#todos li[data-key=\"2\"]')");
    assertEquals(List.of("1", "2"), keys());
    assertEquals(false, browser.find("li[data-key='1'] input").isSelected());
    assertEquals(true, browser.find("li[data-key='2'] input").isSelected());

    browser.find("#add").click();
    browser.waitFor(d -> keys().equals(List.of("1", "2", "3")));
    assertEquals(List.of("One", "Two", "Todo 3"), browser.texts("#todos li[data-key] .title"));
    assertEquals(List.of("0", "1", "2"), browser.texts("#todos li[data-key] .pos"));
    assertEquals("not a row", browser.texts("#todos li:last-child").get(0));

    browser.find("li[data-key='1'] .remove").click();
    browser.waitFor(d -> keys().equals(List.of("2", "3")));
    assertEquals(List.of("0", "1"), browser.texts("#todos li[data-key] .pos"));

    browser.find("#reverse").click();
    browser.waitFor(d -> keys().equals(List.of("3", "2")));
    assertEquals(List.of("0", "1"), browser.texts("#todos li[data-key] .pos"));
    assertEquals(List.of("Todo 3", "Two"), browser.texts("#todos li[data-key] .title"));

    // The actions get the row's item and index; an item replaced by a new object updates its row only.
    browser.find("li[data-key='2'] .rename").click();
    browser.waitFor(d -> browser.texts("#todos li[data-key] .title").equals(List.of("Todo 3", "Two #1")));
    browser.find("#toggle-first").click();
    browser.waitFor(d -> browser.find("li[data-key='3'] input").isSelected());
    // The server-rendered row was moved, never rebuilt.
    assertEquals(true, browser.js("return window.two === document.querySelector('#todos li[data-key=\"2\"]')"));
    assertEquals("not a row", browser.texts("#todos li:last-child").get(0));
    assertEquals(List.of(), console());
  }

  @Test
  void failingActionsDispatchVerveErrorAndLog() {
    page("bindings.html");
    browser.find("#boom").click();
    browser.waitText("#errors", "[boom: boom]");
    browser.find("#later").click();
    browser.waitText("#errors", "[boom: boom][later: later boom]");
    browser.find("#nope").click();
    browser.waitText("#errors", "[boom: boom][later: later boom][nope: unknown action \"noSuchAction\"]");
    List<String> logs = console();
    assertEquals(3, logs.stream().filter(l -> l.contains("SEVERE")).count(), logs.toString());
    assertTrue(logs.stream().anyMatch(l -> l.contains("noSuchAction")), logs.toString());
    // The runtime survived.
    browser.find("#up").click();
    browser.waitText("#count", "6");
  }

  @Test
  void signalsRerunOnlyWhatChangedOnceAMicrotask() {
    page("bindings.html");
    Object log = browser.jsAsync("const { signal, computed, effect, batch } = await import('/verve/verve.js');"
      + "const log = [], tick = () => new Promise(r => setTimeout(r));"
      + "const a = signal(1), b = signal(2);"
      + "const sum = computed(() => { log.push('sum'); return a.value + b.value; });"
      + "const parity = computed(() => sum.value % 2);"
      + "const stop = effect(() => { log.push('effect ' + parity.value); return () => log.push('cleanup'); });"
      // 3 + 2 is odd like 1 + 2: the computed reruns, the effect does not.
      + "a.value = 3; await tick();"
      // Two writes, one run; batch runs it before returning.
      + "batch(() => { a.value = 4; b.value = 4; }); log.push('after batch');"
      + "log.push('peek ' + sum.peek());"
      + "a.value = 5; a.value = 6; await tick();"
      + "stop(); a.value = 7; await tick();"
      + "return log;");
    assertEquals(List.of("sum", "effect 1", "sum", "sum", "cleanup", "effect 0", "after batch", "peek 8",
      "sum", "cleanup"), log);
  }

  @SuppressWarnings("unchecked")
  private static List<String> keys() {
    return (List<String>) browser.js(
      "return [...document.querySelectorAll('#todos li[data-key]')].map(li => li.dataset.key)");
  }

  static Map<String, Object> map(Object o) {
    @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) o;
    return m;
  }
}
