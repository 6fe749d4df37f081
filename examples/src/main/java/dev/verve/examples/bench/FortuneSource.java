package dev.verve.examples.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * The workload's data, shared by the Verve app and the raw baseline: {@code bench/fortunes.json} read once,
 * then a fresh array of fresh row objects per call. Plain Vert.x JSON, nothing of Verve.
 */
public final class FortuneSource {

  /** The row every request adds before sorting. */
  public static final String ADDITIONAL = "Additional fortune added at request time.";

  /** By message, in UTF-16 code units ({@link String#compareTo}), as the workload orders them. */
  public static final Comparator<Object> BY_MESSAGE =
    Comparator.comparing(row -> ((JsonObject) row).getString("message"));

  private static final int[] IDS;
  private static final String[] MESSAGES;

  static {
    try (InputStream in = FortuneSource.class.getResourceAsStream("/bench/fortunes.json")) {
      if (in == null) throw new IllegalStateException("bench/fortunes.json is not on the class path");
      JsonArray rows = new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      IDS = new int[rows.size()];
      MESSAGES = new String[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        IDS[i] = rows.getJsonObject(i).getInteger("id");
        MESSAGES[i] = rows.getJsonObject(i).getString("message");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FortuneSource() {
  }

  /** The workload's async data source: an already-completed future of {@link #rows()}. */
  public static Future<JsonArray> fortunes() {
    return Future.succeededFuture(rows());
  }

  /** The stored fortunes, fresh objects every call. */
  public static JsonArray rows() {
    JsonArray rows = new JsonArray();
    for (int i = 0; i < IDS.length; i++) {
      rows.add(new JsonObject().put("id", IDS[i]).put("message", MESSAGES[i]));
    }
    return rows;
  }

  /** Steps 2 and 3 of the page: adds the request-time fortune and sorts, in place. */
  public static JsonArray withAdditionalSorted(JsonArray rows) {
    rows.add(new JsonObject().put("id", 0).put("message", ADDITIONAL));
    rows.getList().sort(BY_MESSAGE);
    return rows;
  }
}
