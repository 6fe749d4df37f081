package dev.verve.examples.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Assertions on RFC 9457 answers. */
public final class Problems {

  private Problems() {
  }

  /** Asserts the status, the problem-details type and shape, and that nothing looks like a stack trace. */
  public static JsonObject assertProblem(HttpResponse<Buffer> response, int status) {
    assertEquals(status, response.statusCode(), () -> "body: " + response.bodyAsString());
    assertEquals("application/problem+json", response.getHeader("Content-Type"));
    JsonObject problem = response.bodyAsJsonObject();
    assertEquals(status, problem.getInteger("status"));
    assertNotNull(problem.getString("title"));
    assertNotNull(problem.getString("type"));
    String detail = problem.getString("detail");
    assertNotNull(detail);
    String body = response.bodyAsString();
    assertFalse(body.contains("Exception"), () -> "exception text leaked: " + body);
    assertFalse(body.contains("\tat "), () -> "stack trace leaked: " + body);
    return problem;
  }
}
