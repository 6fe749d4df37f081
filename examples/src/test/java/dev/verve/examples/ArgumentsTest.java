package dev.verve.examples;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.verve.examples.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arguments are validated against the generated descriptor before the event bus: what the generated
 * handler would truncate, null or crash on is a 400 naming the argument.
 */
@ExtendWith(NoBlockedThreads.class)
class ArgumentsTest {

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(ProbeVerticle::new, new JsonObject());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonObject validTypes() {
    return new JsonObject()
      .put("big", 9_007_199_254_740_000L).put("ratio", 0.5).put("flag", true).put("color", "GREEN")
      .put("numbers", new JsonArray().add(1).add(2)).put("tags", new JsonObject().put("a", "b"))
      .put("todo", new JsonObject().put("id", 3).put("title", "t").put("done", false));
  }

  static String rejected(JsonObject args) {
    JsonObject problem = assertProblem(server.postJson("/api/Probe/types", args.encode()), 400);
    JsonArray errors = problem.getJsonArray("errors");
    assertEquals(1, errors.size(), problem::encode);
    return errors.getJsonObject(0).getString("argument");
  }

  @Test
  void validArgumentsOfEveryKindReachTheFunctionIntact() {
    HttpResponse<Buffer> response = server.postJson("/api/Probe/types", validTypes().encode());
    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject echoed = response.bodyAsJsonObject();
    assertEquals(validTypes().put("note", null), echoed);
  }

  @Test
  void aNullableArgumentMayBeGivenOrLeftOut() {
    JsonObject echoed = server.postJson("/api/Probe/types", validTypes().put("note", "hi").encode()).bodyAsJsonObject();
    assertEquals("hi", echoed.getString("note"));
  }

  @Test
  void aFractionForAnIntegerIs400NotTruncated() {
    JsonObject problem = assertProblem(server.postJson("/api/Counter/doubleServer", "{\"number\": 2.7}"), 400);
    JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
    assertEquals("number", error.getString("argument"));
    assertTrue(error.getString("detail").contains("an int"), error.encode());
    assertEquals("big", rejected(validTypes().put("big", 1.5)));
  }

  @Test
  void aWholeNumberWrittenAsDecimalIsAccepted() {
    // JSON has one number type: 4.0 is the integer 4.
    assertEquals("8", server.postJson("/api/Counter/doubleServer", "{\"number\": 4.0}").bodyAsString());
  }

  @Test
  void anIntOutOfRangeIs400() {
    assertProblem(server.postJson("/api/Counter/doubleServer", "{\"number\": 3000000000}"), 400);
  }

  @Test
  void aStringForANumberIs400() {
    assertProblem(server.postJson("/api/Counter/doubleServer", "{\"number\": \"21\"}"), 400);
    assertEquals("ratio", rejected(validTypes().put("ratio", "0.5")));
  }

  @Test
  void aNumberForAStringIs400() {
    assertProblem(server.postJson("/api/Probe/echo", "{\"text\": 5}"), 400);
  }

  @Test
  void aNullForARequiredArgumentIs400() {
    assertProblem(server.postJson("/api/Probe/echo", "{\"text\": null}"), 400);
  }

  @Test
  void anUnknownArgumentNameIs400() {
    JsonObject problem = assertProblem(server.postJson("/api/Probe/echo", "{\"text\": \"a\", \"txet\": \"b\"}"), 400);
    assertEquals("txet", problem.getJsonArray("errors").getJsonObject(0).getString("argument"));
  }

  @Test
  void everyBadArgumentIsListed() {
    JsonObject problem = assertProblem(server.postJson("/api/Probe/failWith", "{\"code\": \"x\", \"extra\": 1}"), 400);
    assertEquals(3, problem.getJsonArray("errors").size(), problem::encode);
  }

  @Test
  void aBooleanMustBeABoolean() {
    assertEquals("flag", rejected(validTypes().put("flag", "true")));
  }

  @Test
  void anEnumMustNameAConstant() {
    assertEquals("color", rejected(validTypes().put("color", "PURPLE")));
    assertEquals("color", rejected(validTypes().put("color", 1)));
  }

  @Test
  void aListMustHoldTheRightItems() {
    assertEquals("numbers", rejected(validTypes().put("numbers", new JsonArray().add(1).add("two"))));
    assertEquals("numbers", rejected(validTypes().put("numbers", new JsonArray().add(1).addNull())));
    assertEquals("numbers", rejected(validTypes().put("numbers", new JsonObject())));
  }

  @Test
  void aMapMustHoldTheRightValues() {
    assertEquals("tags", rejected(validTypes().put("tags", new JsonObject().put("a", 1))));
    assertEquals("tags", rejected(validTypes().put("tags", new JsonArray())));
  }

  @Test
  void aDataObjectMustDecode() {
    assertEquals("todo", rejected(validTypes().put("todo", "not an object")));
    assertEquals("todo", rejected(validTypes().put("todo", new JsonObject().put("id", "one"))));
  }
}
