package dev.verve.config;

import dev.verve.VerveOptions;
import dev.verve.auth.AuthOptions;
import dev.verve.db.DatabaseOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's configuration table is {@link ConfigKeys}, and every key in it works as an operator sets it. */
class ConfigTableTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Pattern ROW_KEY = Pattern.compile("^\\| `([^`]+)` \\|");

  @Test
  void theReadmeTableIsTheKeyTable() throws IOException {
    String expected = ConfigKeys.markdownTable(ConfigKeys.ALL);
    assertEquals(expected, readmeTable(), "README.md's table under \"### Configuration\" differs from"
      + " ConfigKeys; paste this one there:\n" + expected);
  }

  @Test
  void everyKeyOfTheReadmeTableIsAcceptedFromTheEnvironment() throws IOException {
    List<String> keys = readmeKeys();
    assertEquals(ConfigKeys.ALL.size(), keys.size(), "one row per key");
    JsonObject environment = new JsonObject();
    for (String key : keys) environment.put(envName(key), sample(key));
    JsonObject config = ConfigLoader.check(ConfigLoader.normalize(environment), ConfigKeys.ALL);
    for (String key : keys) {
      assertEquals(sample(key), config.getValue(key), envName(key) + " sets " + key);
    }
    // Every concern reads its part from what the environment gave, as text.
    VerveOptions options = VerveOptions.fromConfig(config);
    assertEquals(5, options.api().getMaxInFlight());
    assertEquals(9, options.http().getPort());
    assertEquals(List.of("a.example", "b.example"), options.http().getAllowedHosts());
    assertTrue(options.isDev());
    assertEquals(VerveOptions.NodeRole.WEB, options.getRole());
    assertTrue(options.ops().isPublicHealth(), "a flag reads as true");
    assertEquals(5, AuthOptions.fromConfig(config).getMaxFailures());
    assertEquals(5, DatabaseOptions.fromConfig(config).getPoolSize());
  }

  @Test
  void theOperatorsSpellingOfAKeyMapsOntoIt() {
    JsonObject config = ConfigLoader.normalize(new JsonObject().put("VERVE_API_MAXINFLIGHT", "50")
      .put("VERVE_OPS_LOOPBACKOPEN", "false").put("VERVE_OPS_PUBLICHEALTH", "true"));
    assertEquals("50", config.getValue("api.maxInFlight"));
    assertEquals(50, VerveOptions.fromConfig(config).api().getMaxInFlight());
    assertFalse(VerveOptions.fromConfig(config).ops().isLoopbackOpen());
    assertTrue(VerveOptions.fromConfig(config).ops().isPublicHealth());
  }

  @Test
  void aValueOfTheWrongTypeFailsTheStartNamingItsKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.check(
      ConfigLoader.normalize(new JsonObject().put("VERVE_HTTP_H2C", "yes")), ConfigKeys.ALL));
    assertTrue(e.getMessage().contains("http.h2c") && e.getMessage().contains("true or false"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.check(
      new JsonObject().put("api.timeout", 2.5), ConfigKeys.ALL));
    assertTrue(e.getMessage().contains("api.timeout"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.check(
      new JsonObject().put("eventbus.outbound", new JsonObject()), ConfigKeys.ALL));
    assertTrue(e.getMessage().contains("eventbus.outbound"), e.getMessage());
  }

  @Test
  void anUnknownKeyUnderACorePrefixIsReportedWithTheKeyItResembles() {
    List<String> warnings = new ArrayList<>();
    Logger log = Logger.getLogger(ConfigLoader.class.getName());
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) { warnings.add(record.getMessage()); }
      @Override public void flush() { }
      @Override public void close() { }
    };
    log.addHandler(capture);
    try {
      ConfigLoader.check(new JsonObject().put("api.maxinflight", "50").put("http.proxyHost", "proxy")
        .put("my.own", 1).put("PATH", "/bin"), ConfigKeys.ALL);
    } finally {
      log.removeHandler(capture);
    }
    assertEquals(List.of("Unknown configuration key api.maxinflight is ignored: did you mean api.maxInFlight?"),
      warnings);
  }

  @Test
  void anApplicationsOwnKeysAreMappedAndCheckedLikeCores() {
    ConfigKey<Long> retries = ConfigKey.wholeNumber("shop.retries", 3, "retries", "shop");
    List<ConfigKey<?>> keys = new ArrayList<>(ConfigKeys.ALL);
    keys.add(retries);
    JsonObject config = ConfigLoader.normalize(new JsonObject().put("VERVE_SHOP_RETRIES", "7"), keys);
    assertEquals(7L, retries.get(ConfigLoader.check(config, keys)));
    assertThrows(IllegalArgumentException.class, () -> ConfigLoader.check(new JsonObject().put("shop.retries", "x"), keys));
  }

  // VERVE_ and the key's letters in capitals, dots as underscores: api.maxInFlight -> VERVE_API_MAXINFLIGHT.
  private static String envName(String key) {
    return "VERVE_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  // A valid value for the key, as text (environment variables are text).
  private static String sample(String key) {
    ConfigKey<?> k = ConfigKeys.ALL.stream().filter(c -> c.name().equals(key)).findFirst().orElseThrow();
    switch (key) {
      case "http.port": return "9";
      case "api.prefix": return "/rpc";
      case "node.role": return "web";
      case "db.url": return "jdbc:h2:mem:env";
      case "auth.tokenKey": return "a-token-key-of-at-least-32-characters";
      case "auth.passwordIterations": return "1000";
      case "http.allowedHosts": return "a.example,b.example";
      default: break;
    }
    switch (k.type()) {
      case WHOLE_NUMBER: return "5";
      case FLAG: return "true";
      case LIST: return "x.one,x.two";
      default: return "text";
    }
  }

  private static String readmeTable() throws IOException {
    List<String> lines = Files.readAllLines(README);
    int heading = lines.indexOf("### Configuration");
    assertTrue(heading >= 0, "README.md has a \"### Configuration\" section");
    int start = heading;
    while (start < lines.size() && !lines.get(start).startsWith("| key |")) start++;
    StringBuilder table = new StringBuilder();
    for (int i = start; i < lines.size() && lines.get(i).startsWith("|"); i++) table.append(lines.get(i)).append('\n');
    return table.toString();
  }

  private static List<String> readmeKeys() throws IOException {
    List<String> keys = new ArrayList<>();
    for (String row : readmeTable().split("\n")) {
      Matcher m = ROW_KEY.matcher(row);
      if (m.find()) keys.add(m.group(1));
    }
    return keys;
  }
}
