package dev.verve.codegen;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verve/fn/<Interface>.d.ts}, the TypeScript declarations of the browser module. */
class TsDeclarationsGenTest {

  private static String declarations() {
    return ValidFixture.compilation().resource("verve/fn/Counter.d.ts");
  }

  private static void assertDeclares(String expected) {
    String d = declarations();
    assertTrue(d.contains(expected), "expected\n" + expected + "\nin\n" + d);
  }

  @Test
  void functionsReturnPromisesOfTheirResults() {
    assertDeclares("export declare function doubleServer(number: number): Promise<number>;\n");
    assertDeclares("export declare function getServerData(): Promise<string>;\n");
    assertDeclares("export declare function reset(): Promise<void>;\n");
    assertDeclares("export declare function find(color: Color, tags: Array<string>, ids: Array<number>): Promise<Array<Todo>>;\n");
    assertDeclares("export declare function weigh(weights: Record<string, number>, todos: Array<Todo>): Promise<Record<string, number>>;\n");
    assertDeclares("export declare function echo(body: Record<string, unknown>, items: unknown[], flag: boolean, big: number, hint?: Color | null): Promise<Record<string, unknown>>;\n");
  }

  @Test
  void streamFunctionsReturnAsyncIterablesOfTheirItems() {
    assertDeclares("/** The integers 1..to. */\n"
      + "export declare function count(to: number, signal?: AbortSignal): AsyncIterable<number>;\n");
    assertDeclares("export declare function watch(color: Color, prefix?: string | null, signal?: AbortSignal): AsyncIterable<Todo>;\n");
    String todos = ValidFixture.compilation().resource("verve/fn/Todos.d.ts");
    assertTrue(todos.contains("export declare function colors(signal?: AbortSignal): AsyncIterable<Color>;\n"), todos);
    assertTrue(todos.contains("export declare function tallies(signal: Array<string>, vertx: string, args?: number | null,"
      + " signal_?: AbortSignal): AsyncIterable<Record<string, number>>;\n"), todos);
    assertTrue(todos.contains("export declare function pages(size: number, after?: Todo | null, signal?: AbortSignal): AsyncIterable<Array<Todo>>;\n"), todos);
  }

  @Test
  void dataObjectsAreInterfacesAndEnumsUnions() {
    assertDeclares("export interface Todo {\n  \"title\"?: string;\n  \"done\": boolean;\n}\n");
    assertDeclares("export type Color = \"RED\" | \"GREEN\";\n");
  }

  @Test
  void nullableParametersMayBeNullAndTrailingOnesLeftOut() {
    assertDeclares("export declare function add(todo: Todo, note?: string | null): Promise<Todo>;\n");
  }

  @Test
  void reservedNamesAreDeclaredUnderTheModulesBindingAndExportedUnderTheirOwn() {
    assertDeclares("declare function delete_(function_: string, args?: number | null): Promise<Color>;\nexport { delete_ as delete };\n");
  }

  @Test
  void javadocIsKept() {
    assertDeclares("/** Parameters named like the client's field and lambda variables. */\n");
  }

  @Test
  void onlyServerFunctionsGetDeclarations() {
    assertFalse(ValidFixture.compilation().exists("verve/fn/Plain.d.ts"));
  }
}
