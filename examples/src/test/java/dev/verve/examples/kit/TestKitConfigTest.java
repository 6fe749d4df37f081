package dev.verve.examples.kit;

import dev.verve.examples.DemoVerticle;
import dev.verve.test.TestApp;
import dev.verve.test.TestUser;
import dev.verve.test.VerveTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @VerveTest(config = ...)}: settings over the app's, typed as JSON reads them. */
@VerveTest(value = DemoVerticle.class, config = {"auth.passwordMinLength=12", "dev=false", "demo.note=a text"})
class TestKitConfigTest {

  @Test
  void theSettingsApply(TestApp app) {
    String signUp = app.await(app.browser().get("/signup").send()).bodyAsString();
    assertTrue(signUp.contains("minlength=\"12\""), signUp);
  }

  @Test
  void aNewUserSignsUpWithAPasswordThatKeepsTheRule(TestApp app, TestUser user) {
    assertTrue(user.password().length() >= 12);
    assertEquals(200, app.await(user.browser().post("/api/Todos/list").send()).statusCode());
  }
}
