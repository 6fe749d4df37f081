package dev.verve.test;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user cannot be made in an app without sign-up: the failure says what the app answered. */
@VerveTest(value = KitVerticle.class, config = "kit.signUp=false")
class NoSignUpTest {

  @Test
  void signingUpFailsWithTheAnswer(TestApp app) {
    AssertionError failed = assertThrows(AssertionError.class, app::signUp);
    assertTrue(failed.getMessage().matches("(?s)Signing user-\\d+ up \\(POST /signup\\) answered 404: .*allowSignUp.*"),
      failed.getMessage());
  }
}
