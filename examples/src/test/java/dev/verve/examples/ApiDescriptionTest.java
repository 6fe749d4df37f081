package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/openapi.json} on the demo: every exposed function, built from the generated parts; the
 * TypeScript declarations beside the modules; Swagger UI at {@code /api/docs} in dev mode only. The
 * document's validity and the declarations' use by TypeScript are checked by {@link TypeScriptClientsTest}.
 */
@ExtendWith(NoBlockedThreads.class)
class ApiDescriptionTest {

  private static final List<Class<?>> DEMO = List.of(Admin.class, Counter.class, Nodes.class, Todos.class);

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(DemoVerticle::new, new JsonObject());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> get(TestServer on, String path) {
    return await(on.request(HttpMethod.GET, path).send());
  }

  private static JsonObject document() {
    HttpResponse<Buffer> answer = get(server, "/api/openapi.json");
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    assertEquals("application/json", answer.getHeader("Content-Type"));
    return answer.bodyAsJsonObject();
  }

  @Test
  void aFunctionTakingAFileIsDescribedAsAMultipartUploadAndAsJson() {
    JsonObject body = document().getJsonObject("paths").getJsonObject("/api/Todos/importFile")
      .getJsonObject("post").getJsonObject("requestBody").getJsonObject("content");
    JsonObject part = body.getJsonObject("multipart/form-data").getJsonObject("schema")
      .getJsonObject("properties").getJsonObject("file");
    assertEquals("binary", part.getString("format"), part.encode());
    assertEquals("#/components/schemas/UploadedFile", body.getJsonObject("application/json").getJsonObject("schema")
      .getJsonObject("properties").getJsonObject("file").getString("$ref"));
    JsonObject file = document().getJsonObject("components").getJsonObject("schemas").getJsonObject("UploadedFile");
    assertEquals("base64", file.getJsonObject("properties").getJsonObject("bytes").getString("contentEncoding"));
  }

  @Test
  void theDocumentListsEveryExposedFunctionAsAPostWithAStableOperationId() {
    JsonObject document = document();
    assertEquals("3.1.0", document.getString("openapi"));
    Set<String> expected = new TreeSet<>();
    for (Class<?> iface : DEMO) {
      ServiceDescriptor service = ServiceDescriptor.of(iface);
      for (MethodDescriptor method : service.methods()) {
        String path = "/api/" + service.name() + "/" + method.name();
        expected.add(path);
        JsonObject post = document.getJsonObject("paths").getJsonObject(path).getJsonObject("post");
        assertEquals(service.name() + "_" + method.name(), post.getString("operationId"));
        assertTrue(post.getJsonObject("responses").containsKey(method.returnsVoid() ? "204" : "200"), path);
      }
    }
    assertEquals(expected, new TreeSet<>(document.getJsonObject("paths").fieldNames()),
      "the functions exposed here, and only those (not the benchmark's)");
  }

  @Test
  void theDocumentServedIsTheOneBuilt() throws Exception {
    JsonObject paths = document().getJsonObject("paths");
    for (Class<?> iface : DEMO) {
      JsonObject part;
      try (InputStream in = iface.getClassLoader().getResourceAsStream("verve/openapi/" + iface.getSimpleName() + ".json")) {
        part = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      part.getJsonObject("paths").forEach(p -> assertEquals(p.getValue(), paths.getJsonObject("/api" + p.getKey()), p.getKey()));
    }
  }

  @Test
  void schemasProblemsAndAccessRulesAreInTheDocument() {
    JsonObject document = document();
    JsonObject components = document.getJsonObject("components");
    JsonObject todo = components.getJsonObject("schemas").getJsonObject("Todo");
    assertEquals(new JsonArray().add("id").add("done"), todo.getJsonArray("required"));
    assertEquals("int32", todo.getJsonObject("properties").getJsonObject("id").getString("format"));
    assertTrue(components.getJsonObject("schemas").containsKey("Problem"));
    assertEquals("verve.session", components.getJsonObject("securitySchemes").getJsonObject("session").getString("name"));
    assertEquals("bearer", components.getJsonObject("securitySchemes").getJsonObject("bearer").getString("scheme"));

    JsonObject paths = document.getJsonObject("paths");
    JsonObject stats = paths.getJsonObject("/api/Admin/stats").getJsonObject("post");
    assertEquals(new JsonArray().add("admin"), stats.getJsonObject("x-verve-access").getJsonArray("roles"));
    assertTrue(stats.getJsonObject("responses").containsKey("401"));
    JsonObject doubleServer = paths.getJsonObject("/api/Counter/doubleServer").getJsonObject("post");
    assertEquals("The \"Double\" button: a second of (non-blocking) work, then `number * 2`.", doubleServer.getString("summary"));
    assertTrue(!doubleServer.getJsonObject("responses").containsKey("401"), "anyone may call it");
    assertEquals("application/problem+json", components.getJsonObject("responses").getJsonObject("BadRequest")
      .getJsonObject("content").fieldNames().iterator().next());
    assertTrue(paths.getJsonObject("/api/Counter/highFive").getJsonObject("post").getString("summary")
      .contains("`\"counter.total\"`"), "{@value} is resolved");
  }

  @Test
  void anUnchangedDocumentIsNotSentAgain() {
    HttpResponse<Buffer> first = get(server, "/api/openapi.json");
    HttpResponse<Buffer> again = await(server.request(HttpMethod.GET, "/api/openapi.json")
      .putHeader("If-None-Match", first.getHeader("ETag")).send());
    assertEquals(304, again.statusCode());
  }

  @Test
  void theDocumentFollowsTheApiPrefix() {
    try (TestServer rpc = TestServer.start(DemoVerticle::new, new JsonObject().put("api.prefix", "/rpc"))) {
      HttpResponse<Buffer> answer = get(rpc, "/rpc/openapi.json");
      assertEquals(200, answer.statusCode());
      assertTrue(answer.bodyAsJsonObject().getJsonObject("paths").containsKey("/rpc/Counter/getServerData"));
      assertEquals("\"Hello from the server!\"", rpc.postJson("/rpc/Counter/getServerData", "{}").bodyAsString());
      assertEquals(404, get(rpc, "/api/openapi.json").statusCode(), "no document outside the prefix");
    }
  }

  @Test
  void otherMethodsOnTheDocumentAreStillTheFunctionHandlersBusiness() {
    assertProblem(server.postJson("/api/openapi.json", "{}"), 404);
  }

  @Test
  void typeScriptDeclarationsAreServedBesideTheModules() {
    HttpResponse<Buffer> counter = get(server, "/verve/fn/Counter.d.ts");
    assertEquals(200, counter.statusCode());
    assertEquals("application/typescript; charset=utf-8", counter.getHeader("Content-Type"));
    assertTrue(counter.bodyAsString().contains("export declare function doubleServer(number: number): Promise<number>;"),
      counter.bodyAsString());
    assertTrue(get(server, "/verve/fn/Todos.d.ts").bodyAsString().contains("export interface Todo {"));
    HttpResponse<Buffer> runtime = get(server, "/verve/verve.d.ts");
    assertEquals(200, runtime.statusCode());
    assertTrue(runtime.bodyAsString().contains("export declare class ServerFunctionError extends Error"));
    assertEquals(404, get(server, "/verve/fn/Bench.d.ts").statusCode(), "not exposed by the demo");
  }

  @Test
  void swaggerUiIsOffInProduction() {
    assertProblem(get(server, "/api/docs"), 404);
    assertProblem(get(server, "/api/docs/swagger-ui-bundle.js"), 404);
  }

  @Test
  void swaggerUiInDevModeComesFromTheWebjarAndNothingElseOfItIsServed() {
    try (TestServer dev = TestServer.start(DemoVerticle::new, new JsonObject().put("dev", true))) {
      HttpResponse<Buffer> page = get(dev, "/api/docs");
      assertEquals(200, page.statusCode());
      assertTrue(page.bodyAsString().contains("data-url=\"/api/openapi.json\""), page.bodyAsString());
      assertTrue(page.bodyAsString().contains("<script src=\"/api/docs/swagger-ui-bundle.js\"></script>"));
      assertTrue(!page.bodyAsString().contains("//cdn") && !page.bodyAsString().contains("https://"), "no CDN");
      HttpResponse<Buffer> bundle = get(dev, "/api/docs/swagger-ui-bundle.js");
      assertEquals(200, bundle.statusCode());
      assertTrue(bundle.body().length() > 100_000, "the real bundle");
      assertEquals(200, get(dev, "/api/docs/swagger-ui.css").statusCode());
      assertEquals(200, get(dev, "/api/docs/verve-init.js").statusCode());
      assertProblem(get(dev, "/api/docs/index.html"), 404);
      assertProblem(get(dev, "/api/docs/..%2F..%2Fpom.properties"), 404);
    }
  }
}
