package dev.verve.examples;

import dev.verve.examples.support.NodeTools;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The description as other tools read it, downloaded from a running demo: {@code /api/openapi.json} passes
 * an independent OpenAPI 3.1 linter ({@code @redocly/cli lint}); a TypeScript file type-checks its calls
 * against the served {@code .d.ts} files, and the same calls against types {@code openapi-typescript}
 * generates from the document; a wrong argument type is refused. The tools come from npm
 * ({@code src/test/node/api-clients/package.json}), installed into target/.
 */
class TypeScriptClientsTest {

  private static NodeTools tools;

  @BeforeAll
  static void download() throws Exception {
    tools = NodeTools.install("api-clients", "openapi-fetch");
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      save(server, "/api/openapi.json", "openapi.json");
      for (String file : List.of("verve/verve.d.ts", "verve/fn/Counter.d.ts", "verve/fn/Todos.d.ts", "verve/fn/Admin.d.ts")) {
        save(server, "/" + file, file);
      }
    }
  }

  private static void save(TestServer server, String path, String file) throws Exception {
    HttpResponse<Buffer> answer = await(server.request(HttpMethod.GET, path).send());
    assertEquals(200, answer.statusCode(), path);
    Path target = tools.dir.resolve(file);
    Files.createDirectories(target.getParent());
    Files.write(target, answer.body().getBytes());
  }

  @AfterAll
  static void cleanUp() {
    tools = null;
  }

  @Test
  void anIndependentOpenApiValidatorAcceptsTheDocument() throws Exception {
    NodeTools.Result lint = tools.run(120, "redocly", "lint", "--format=stylish", "openapi.json");
    assertEquals(0, lint.exit(), lint.output());
    assertTrue(lint.output().contains("valid"), lint.output());
  }

  @Test
  void theServedDeclarationsTypeCheckTheCallsOfATypeScriptPage() throws Exception {
    NodeTools.Result tsc = tools.run(120, "tsc", "--noEmit", "--strict", "--target", "ES2022", "--module", "ES2022",
      "--moduleResolution", "bundler", "--lib", "ES2022,DOM", "calls-modules.ts");
    assertEquals(0, tsc.exit(), tsc.output());
  }

  @Test
  void typesGeneratedFromTheDocumentTypeCheckTheSameCalls() throws Exception {
    NodeTools.Result generate = tools.run(120, "openapi-typescript", "openapi.json", "-o", "openapi.d.ts");
    assertEquals(0, generate.exit(), generate.output());
    NodeTools.Result tsc = tools.run(120, "tsc", "--noEmit", "--strict", "--target", "ES2022", "--module", "ES2022",
      "--moduleResolution", "bundler", "--lib", "ES2022,DOM", "calls-openapi.ts");
    assertEquals(0, tsc.exit(), tsc.output());
  }

  @Test
  void aClientGeneratedFromTheDocumentCallsTheServer() throws Exception {
    NodeTools.Result generate = tools.run(120, "openapi-typescript", "openapi.json", "-o", "openapi.d.ts");
    assertEquals(0, generate.exit(), generate.output());
    NodeTools.Result tsc = tools.run(120, "tsc", "--strict", "--target", "ES2022", "--module", "ES2022",
      "--moduleResolution", "bundler", "--lib", "ES2022,DOM", "--outDir", "out", "client.ts");
    assertEquals(0, tsc.exit(), tsc.output());
    try (TestServer server = TestServer.start(DemoVerticle::new, new JsonObject())) {
      NodeTools.Result run = tools.run(60, "node", "out/client.js", "http://127.0.0.1:" + server.port);
      assertEquals(0, run.exit(), run.output());
      assertTrue(run.output().startsWith("42 400 Invalid arguments for Counter.doubleServer: 'number'"), run.output());
    }
  }

  @Test
  void aWrongArgumentTypeFailsToTypeCheck() throws Exception {
    NodeTools.Result tsc = tools.run(120, "tsc", "--noEmit", "--strict", "--target", "ES2022", "--module", "ES2022",
      "--moduleResolution", "bundler", "wrong-call.ts");
    assertNotEquals(0, tsc.exit(), tsc.output());
    assertTrue(tsc.output().contains("error TS2345: Argument of type 'string' is not assignable to parameter of type 'number'"),
      tsc.output());
  }
}
