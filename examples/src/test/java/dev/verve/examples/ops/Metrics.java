package dev.verve.examples.ops;

import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reads {@code GET /metrics} (Prometheus text) the way a scraper would. */
public final class Metrics {

  private Metrics() {
  }

  public static String scrape(TestServer server) {
    HttpResponse<Buffer> response = await(server.request(HttpMethod.GET, "/metrics").send());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", response.getHeader("Content-Type"));
    return response.bodyAsString();
  }

  /** The value of the sample {@code name{labels}} (labels as written, in order), or 0 when absent. */
  public static double value(String text, String name, String labels) {
    String prefix = labels.isEmpty() ? name + " " : name + "{" + labels + "} ";
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) return Double.parseDouble(line.substring(prefix.length()).trim());
    }
    return 0;
  }
}
