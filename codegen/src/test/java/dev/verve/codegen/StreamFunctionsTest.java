package dev.verve.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which methods are stream functions, found on the elements since codegen's model leaves them out. */
class StreamFunctionsTest {

  @TempDir
  Path workDir;

  @Test
  void streamInheritedFromAGenericInterfaceIsServedWithItsTypeArgument() throws IOException {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("inheritedstream", workDir);
    assertEquals(List.of(), compilation.errors());
    String descriptor = compilation.source("fixture/inheritedstream/SubVerveDescriptor.java");
    assertTrue(descriptor.contains("(service, args) -> ((Sub) service).all(JsonResults.toInteger(args.getValue(\"limit\"))),\n"),
      descriptor);
    String proxy = compilation.source("fixture/inheritedstream/SubVerveProxy.java");
    assertTrue(proxy.contains("public Future<ReadStream<String>> all(int limit) {\n"), proxy);
    assertTrue(proxy.contains("\"all\", args, JsonResults::toString);\n"), proxy);
  }

  @Test
  void otherGenIgnoredMethodsStayOutOfEveryFile() {
    FixtureCompiler.Compilation compilation = ValidFixture.compilation();
    for (String file : List.of("fixture/valid/CounterVerveDescriptor.java", "fixture/valid/CounterVerveHttpClient.java",
      "fixture/valid/CounterVerveProxy.java")) {
      assertFalse(compilation.source(file).contains("local("), file);
    }
    for (String file : List.of("verve/fn/Counter.js", "verve/fn/Counter.d.ts")) {
      assertFalse(compilation.resource(file).contains("local("), file);
    }
    assertFalse(compilation.resource("verve/openapi/Counter.json").contains("/Counter/local"));
  }

  @Test
  void theCheckerAloneRejectsAStreamDeclaredLikeAFunction() throws IOException {
    // It must not depend on vertx-service-proxy's generators getting as far as Verve's.
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("invalidstreamnotignored", workDir,
      List.of(new ServerFunctionsChecker()));
    Diagnostic<? extends JavaFileObject> error = compilation.diagnostics.stream()
      .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
      .findFirst()
      .orElseThrow();
    assertTrue(error.getMessage(null).startsWith("InvalidStreamNotIgnored.count: a stream function must be declared"
      + " default and @GenIgnore"), error::toString);
    String line = FixtureCompiler.read(Path.of(error.getSource().toUri())).lines().skip(error.getLineNumber() - 1)
      .findFirst().orElseThrow();
    assertEquals("  default Future<ReadStream<Integer>> count(int to) {", line);
  }
}
