package dev.verve.codegen;

import org.junit.jupiter.api.Test;

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
  void reservedWordsGetSafeBindingsButKeepTheirNames() {
    assertTrue(JsNames.isSafe("number"));
    assertFalse(JsNames.isSafe("delete"));
    assertEquals("function_", JsNames.binding("function", List.of("function")));
    assertEquals("call__", JsNames.binding("call", List.of("call", "call_")));
    assertEquals("number", JsNames.binding("number", List.of("number")));
  }
}
