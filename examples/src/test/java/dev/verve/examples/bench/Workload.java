package dev.verve.examples.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks of the shared WORKLOAD.md on a {@code GET /fortunes} page, written independently of the apps:
 * the expected rows come from {@code bench/fortunes.json} plus the request-time row, sorted by
 * {@link String#compareTo} (UTF-16 code units).
 */
final class Workload {

  static final String XSS_ESCAPED = "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;";
  static final String JAPANESE = "\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af\u306e\u30d9\u30f3\u30c1\u30de\u30fc\u30af";
  static final String KNUTH = "A list is only as strong as its weakest link. \u2014 Donald Knuth";

  private static final Pattern ROW = Pattern.compile("<tr><td>(\\d+)</td><td>(.*?)</td></tr>");

  private Workload() {
  }

  /** The 13 rows the page must show, in order: {@code [id, message]}. */
  static List<Row> expectedRows() {
    JsonArray stored;
    try (InputStream in = Workload.class.getResourceAsStream("/bench/fortunes.json")) {
      stored = new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < stored.size(); i++) {
      rows.add(new Row(stored.getJsonObject(i).getInteger("id"), stored.getJsonObject(i).getString("message")));
    }
    rows.add(new Row(0, "Additional fortune added at request time."));
    rows.sort((a, b) -> a.message.compareTo(b.message));
    return rows;
  }

  /**
   * Checks a fortunes page: the table rows (order, HTML escaping, multi-byte text) and the JSON state
   * block with the given id (same list, no {@code <} inside). Returns the parsed state object.
   */
  static JsonObject checkPage(String page, String stateId) {
    List<Row> rows = new ArrayList<>();
    Matcher m = ROW.matcher(page);
    while (m.find()) rows.add(new Row(Integer.parseInt(m.group(1)), unescapeHtml(m.group(2))));
    List<Row> expected = expectedRows();
    assertEquals(13, rows.size(), "table rows");
    assertEquals(expected, rows, "rows, sorted by message in UTF-16 code units");
    assertTrue(page.contains("<tr><th>id</th><th>message</th></tr>"), "header row");
    assertTrue(page.contains("<td>11</td><td>" + XSS_ESCAPED + "</td>"), "the xss row, escaped exactly");
    assertFalse(page.contains("<script>alert"), "the xss row must not come out raw");
    assertTrue(page.contains("<td>12</td><td>" + JAPANESE + "</td>"), "multi-byte text intact");
    assertTrue(page.contains(KNUTH), "U+2014 intact");

    String open = "<script type=\"application/json\" id=\"" + stateId + "\">";
    int start = page.indexOf(open);
    assertTrue(start >= 0, "no state block " + open);
    int end = page.indexOf("</script>", start);
    String json = page.substring(start + open.length(), end);
    assertFalse(json.contains("<"), "the state must have no '<': " + json);
    assertFalse(json.contains(">") || json.contains("&"), "the state must escape '>' and '&'");
    assertTrue(json.toLowerCase().contains("\\u003cscript\\u003e"), "the xss message is in the state, escaped");
    JsonObject state = new JsonObject(json);
    JsonArray fortunes = state.getJsonArray("fortunes");
    assertNotNull(fortunes, "state.fortunes");
    List<Row> stateRows = new ArrayList<>();
    for (int i = 0; i < fortunes.size(); i++) {
      JsonObject f = fortunes.getJsonObject(i);
      assertEquals(2, f.size(), "a state row has id and message only: " + f);
      stateRows.add(new Row(f.getInteger("id"), f.getString("message")));
    }
    assertEquals(expected, stateRows, "the state's list is the table's");
    return state;
  }

  /** Undoes Handlebars' escaping of {@code & < > " ' ` =}. */
  static String unescapeHtml(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
      .replace("&#x60;", "`").replace("&#x3D;", "=").replace("&amp;", "&");
  }

  static final class Row {
    final int id;
    final String message;

    Row(int id, String message) {
      this.id = id;
      this.message = message;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row && ((Row) o).id == id && ((Row) o).message.equals(message);
    }

    @Override
    public int hashCode() {
      return id * 31 + message.hashCode();
    }

    @Override
    public String toString() {
      return id + ":" + message;
    }
  }
}
