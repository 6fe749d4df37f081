package dev.verve.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verve/fn/<Interface>.js}, the browser module. */
class JsModuleGenTest {

  @Test
  void moduleMatchesGoldenFile() {
    assertEquals(ValidFixture.goldenFile("Counter.js"), ValidFixture.compilation().resource("verve/fn/Counter.js"));
  }

  @Test
  void noArgumentFunctionPassesAnEmptyObject() {
    assertTrue(ValidFixture.compilation().resource("verve/fn/Todos.js").contains(
      "export async function list() {\n  return call(\"Todos\", \"list\", {});\n}\n"));
  }

  @Test
  void streamFunctionReturnsTheRuntimesStreamWithAnOptionalSignal() {
    String module = ValidFixture.compilation().resource("verve/fn/Todos.js");
    assertTrue(module.contains("import { call, stream } from \"../verve.js\";\n"), module);
    assertTrue(module.contains("/** @param {AbortSignal} [signal] ends the stream when aborted */\n"
      + "export function colors(signal) {\n  return stream(\"Todos\", \"colors\", {}, signal);\n}\n"), module);
    // a parameter called signal keeps its name (it is the JSON key); the signal gets another
    assertTrue(module.contains("export function tallies(signal, vertx, args, signal_) {\n"
      + "  return stream(\"Todos\", \"tallies\", { signal, vertx, args }, signal_);\n}\n"), module);
  }

  @Test
  void streamIsImportedOnlyWhenUsed(@TempDir Path workDir) throws IOException {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("openapi", workDir);
    String module = compilation.resource("verve/fn/Shapes.js");
    assertTrue(module.contains("\nimport { call } from \"../verve.js\";\n"), module);
  }

  @Test
  void reservedWordsGetSafeBindingsButKeepTheirNames() {
    assertTrue(JsNames.isSafe("number"));
    assertFalse(JsNames.isSafe("delete"));
    assertEquals("function_", JsNames.binding("function", List.of("function")));
    assertEquals("call__", JsNames.binding("call", List.of("call", "call_")));
    assertEquals("stream_", JsNames.binding("stream", List.of("stream")));
    assertEquals("number", JsNames.binding("number", List.of("number")));
  }
}
