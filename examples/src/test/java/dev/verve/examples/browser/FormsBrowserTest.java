package dev.verve.examples.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The todos page's plain forms in real Chromium: with JavaScript off (each form post answered 303 and the
 * page rendered again, a problem shown next to its field) and on (the same forms through verve.js, without
 * a page load), and an upload through the generated JS module.
 */
class FormsBrowserTest extends BrowserTestBase {

  @TempDir
  Path files;

  @Test
  void theTodosPageWorksWithJavaScriptOff() throws IOException {
    try (Browser noJs = Browser.startWithoutJavaScript()) {
      signUp(noJs, url(""), newUser("forms-nojs"));
      noJs.open(url("/todos"));
      assertTrue(noJs.findAll("html[data-verve-hydrated]").isEmpty(), "JavaScript is off");
      exercise(noJs, false);
    }
  }

  @Test
  void theSameFormsWorkWithJavaScriptOnWithoutAPageLoad() throws IOException {
    try (Browser js = Browser.start()) {
      signUp(js, url(""), newUser("forms-js"));
      js.open(url("/todos")).waitHydrated();
      js.js("window.samePage = true");
      exercise(js, true);
    }
  }

  @Test
  void theGeneratedModuleUploadsAFileOrBlob() {
    try (Browser js = Browser.start()) {
      signUp(js, url(""), newUser("forms-module"));
      js.open(url("/todos")).waitHydrated();
      Object added = js.jsAsync("const Todos = await import('/verve/fn/Todos.js');"
        + "return Todos.importFile(new File(['From a module\\nAnd a second'], 'todos.txt', { type: 'text/plain' }))");
      assertTrue(added instanceof List, String.valueOf(added));
      assertEquals(List.of("From a module", "And a second"),
        ((List<?>) added).stream().map(t -> ((Map<?, ?>) t).get("title")).toList());
      Object refused = js.jsAsync("const Todos = await import('/verve/fn/Todos.js');"
        + "return Todos.importFile(new Blob(['" + "x".repeat(201) + "']))");
      assertEquals(400L, ((Map<?, ?>) refused).get("status"), String.valueOf(refused));
    }
  }

  /** Add, see the error for an empty title, toggle, remove and import, in {@code b}. */
  private void exercise(Browser b, boolean javascript) throws IOException {
    // An empty title: the message next to the title field.
    b.find("form.add button").click();
    b.waitFor(d -> "A todo needs a title".equals(shown(b, "#title-error")));

    // Too long: the message, and what was typed is still in the field.
    String tooLong = "y".repeat(201);
    b.find("form.add input").sendKeys(tooLong);
    b.find("form.add button").click();
    b.waitFor(d -> String.valueOf(shown(b, "#title-error")).startsWith("A title has at most 200 characters"));
    assertEquals(tooLong, b.find("form.add input").getDomProperty("value"));

    // Added: the list shows it, the error is gone, the field is empty again.
    WebElement input = b.find("form.add input");
    input.clear();
    input.sendKeys("Walk the dog");
    b.find("form.add button").click();
    b.waitFor(d -> titles(b).contains("Walk the dog"));
    assertNull(shown(b, "#title-error"));
    assertEquals("", b.find("form.add input").getDomProperty("value"));

    // Toggled, and back.
    item(b, "Walk the dog").findElement(By.cssSelector("button.check")).click();
    b.waitFor(d -> Boolean.TRUE.equals(done(b, "Walk the dog")));
    item(b, "Walk the dog").findElement(By.cssSelector("button.check")).click();
    b.waitFor(d -> Boolean.FALSE.equals(done(b, "Walk the dog")));

    // Imported from a file: one todo per line.
    Path file = Files.writeString(files.resolve(javascript ? "js.txt" : "nojs.txt"), "Buy milk\n\nCall Ada\n");
    b.find("form.import input[type=file]").sendKeys(file.toString());
    b.find("form.import button").click();
    b.waitFor(d -> titles(b).containsAll(List.of("Buy milk", "Call Ada")));
    assertEquals(List.of("Walk the dog", "Buy milk", "Call Ada"), titles(b));
    // The answer was the import form's: its note shows, and only for it (answered.Todos.importFile).
    assertEquals("Imported.", shown(b, "#imported"));

    // An import without a file: the message next to the file field.
    b.find("form.import button").click();
    b.waitFor(d -> "'file' is required (a file)".equals(shown(b, "#file-error")));
    assertNull(shown(b, "#imported"), "a failure is no one's result");

    // Removed.
    item(b, "Buy milk").findElement(By.cssSelector("button.remove")).click();
    b.waitFor(d -> !titles(b).contains("Buy milk"));
    assertNull(shown(b, "#imported"), "another form's answer");
    assertEquals(List.of("Walk the dog", "Call Ada"), titles(b));

    if (javascript) {
      assertEquals(true, b.js("return window.samePage === true"), "no page load happened");
      assertEquals(url("/todos"), b.driver().getCurrentUrl());
    }
    // What the server has, rendered by the server.
    b.open(url("/todos"));
    assertEquals(List.of("Walk the dog", "Call Ada"), titles(b));
    assertEquals(false, done(b, "Walk the dog"));
    assertNull(shown(b, "#title-error"), "a flash shows once");
  }

  /** The text of the element if it is there and not hidden, else null; read in one go (pages change under us). */
  private static String shown(Browser b, String css) {
    return (String) b.js("const e = document.querySelector(arguments[0]);"
      + "return e && !e.hidden ? e.textContent.trim() : null", css);
  }

  /** Whether the todo is marked done; null while it is not there. */
  private static Boolean done(Browser b, String title) {
    return (Boolean) b.js("const li = [...document.querySelectorAll('li.todo')]"
      + ".find(li => li.querySelector('.title').textContent === arguments[0]);"
      + "return li ? li.hasAttribute('data-done') : null", title);
  }

  private static List<String> titles(Browser b) {
    return b.texts("li.todo .title");
  }

  private static WebElement item(Browser b, String title) {
    return b.findAll("li.todo").stream()
      .filter(li -> title.equals(li.findElement(By.cssSelector(".title")).getText()))
      .findFirst().orElseThrow(() -> new AssertionError("no todo " + title + " in " + titles(b)));
  }
}
