package dev.verve.openapi.impl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The parts of the document every function shares: the problem details (RFC 9457) its errors are, the
 * responses the generated operations refer to ({@code #/components/responses/BadRequest}, ...) and the
 * two ways to sign a call.
 */
final class SharedComponents {

  private SharedComponents() {
  }

  static JsonObject problemSchema() {
    JsonObject argumentError = new JsonObject().put("type", "object")
      .put("properties", new JsonObject()
        .put("argument", new JsonObject().put("type", "string"))
        .put("detail", new JsonObject().put("type", "string")))
      .put("required", new JsonArray().add("argument").add("detail"));
    return new JsonObject()
      .put("type", "object")
      .put("description", "An RFC 9457 problem: a status and a safe, human `detail`; never a stack trace.")
      .put("properties", new JsonObject()
        .put("type", new JsonObject().put("type", "string").put("examples", new JsonArray().add("about:blank")))
        .put("title", new JsonObject().put("type", "string"))
        .put("status", new JsonObject().put("type", "integer").put("format", "int32"))
        .put("detail", new JsonObject().put("type", "string"))
        .put("errors", new JsonObject().put("type", "array").put("items", argumentError)
          .put("description", "One entry per invalid argument (400)."))
        .put("correlationId", new JsonObject().put("type", "string")
          .put("description", "Ties a 500 to the server's log line with the real cause.")))
      .put("required", new JsonArray().add("type").add("title").add("status").add("detail"));
  }

  static JsonObject responses() {
    return new JsonObject()
      .put("BadRequest", problem("Invalid arguments: malformed JSON, a body that is not an object, a missing,"
        + " wrong-typed or unknown argument (one entry per argument in `errors`), or the function's own 400."))
      .put("Unauthorized", problem("No caller: sign in (session cookie) or send `Authorization: Bearer <token>`.")
        .put("headers", new JsonObject().put("WWW-Authenticate", new JsonObject()
          .put("description", "`Bearer`").put("schema", new JsonObject().put("type", "string")))))
      .put("Forbidden", problem("The caller lacks the role, the function is `@DenyAll`, or the request came"
        + " from another site (Origin, Sec-Fetch-Site)."))
      .put("NotFound", problem("The function answered 404 (what it looked for does not exist)."))
      .put("ContentTooLarge", problem("The body is larger than `api.bodyLimit`."))
      .put("UnsupportedMediaType", problem("The body is not `application/json`."))
      .put("InternalError", problem("The function failed unexpectedly; `correlationId` is in the server log."))
      .put("Unavailable", problem("No node serves the function right now, or this node is at `api.maxInFlight`.")
        .put("headers", new JsonObject().put("Retry-After", new JsonObject()
          .put("description", "Seconds to wait, when the node is busy.")
          .put("schema", new JsonObject().put("type", "integer")))))
      .put("Timeout", problem("No answer within `api.timeout`."));
  }

  static JsonObject securitySchemes(String sessionCookie) {
    return new JsonObject()
      .put("session", new JsonObject().put("type", "apiKey").put("in", "cookie").put("name", sessionCookie)
        .put("description", "The session of a browser signed in at `POST /login`."))
      .put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
        .put("description", "A token from `POST /auth/token` with `{\"username\", \"password\"}`."));
  }

  private static JsonObject problem(String description) {
    return new JsonObject().put("description", description)
      .put("content", new JsonObject().put("application/problem+json", new JsonObject()
        .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem"))));
  }
}
