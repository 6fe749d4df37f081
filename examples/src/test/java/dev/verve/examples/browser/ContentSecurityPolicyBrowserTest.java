package dev.verve.examples.browser;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every demo page, used in Chromium under the default Content-Security-Policy (scripts from this site only,
 * no inline script or eval): nothing is refused, and an inline script a page did not send would be.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTestBase {

  @Test
  void noDemoPageViolatesThePolicy() {
    console(); // what earlier tests left
    List<String> seen = new ArrayList<>();
    signUp(browser, url(""), newUser("csp"));
    for (String path : List.of("/", "/server-data", "/client-data", "/todos", "/no-such-page")) {
      browser.open(url(path));
      if (!path.equals("/no-such-page")) browser.waitHydrated();
      seen.addAll(console());
    }
    browser.open(url("/")).waitHydrated();
    browser.findAll("button").stream().filter(b -> "Up high!".equals(b.getText())).findFirst().orElseThrow().click();
    browser.waitText("h1", "High-Five counter: 1");
    signOut(browser);
    browser.open(url("/login"));
    browser.open(url("/signup"));
    seen.addAll(console());
    assertEquals(List.of(), seen.stream().filter(line -> line.contains("Content Security Policy")).toList());
  }

  @Test
  void aScriptThePageDidNotSendIsRefused() {
    browser.open(url("/server-data")).waitHydrated();
    console();
    // What an injected inline script would do: the policy stops it and says so.
    browser.js("const s = document.createElement('script'); s.textContent = 'window.__injected = 1';"
      + " document.body.appendChild(s); return null;");
    assertEquals(null, browser.js("return window.__injected === undefined ? null : window.__injected"));
    assertTrue(console().stream().anyMatch(line -> line.contains("Content Security Policy")), "no violation reported");
  }
}
