package dev.verve.test.impl;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code @VerveTest(config = ...)}: a value that reads as a JSON number or boolean is one, the rest text. */
class ConfigEntriesTest {

  @Test
  void numbersAndBooleansAreTypedTheRestIsText() {
    JsonObject config = ConfigEntries.parse(new String[]{"api.maxInFlight=5", "ratio = 0.5", "dev=true",
      "db.url=postgresql://db:5432/app?x=1", "eventbus.outbound=a,b", "name=\"quoted\"", "empty=", "n=5 apples"});
    assertEquals(new JsonObject().put("api.maxInFlight", 5).put("ratio", 0.5).put("dev", true)
      .put("db.url", "postgresql://db:5432/app?x=1").put("eventbus.outbound", "a,b").put("name", "\"quoted\"")
      .put("empty", "").put("n", "5 apples"), config);
  }

  @Test
  void anEntryWithoutAKeyIsRefused() {
    assertThrows(ExtensionConfigurationException.class, () -> ConfigEntries.parse(new String[]{"=5"}));
    assertThrows(ExtensionConfigurationException.class, () -> ConfigEntries.parse(new String[]{"dev"}));
  }
}
