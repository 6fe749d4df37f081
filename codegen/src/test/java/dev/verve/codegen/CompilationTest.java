package dev.verve.codegen;

import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The valid fixture compiles, generated code included, and only @ServerFunctions interfaces get Verve files. */
class CompilationTest {

  @Test
  void validInterfaceCompilesWithoutErrors() {
    assertEquals(List.of(), ValidFixture.compilation().errors());
    assertTrue(ValidFixture.compilation().success);
  }

  @Test
  void generatedJavaHasNoLintWarnings() {
    // compiled with -Xlint:all; service-proxy's own files have some (redundant casts), ours must not
    List<String> warnings = ValidFixture.compilation().diagnostics.stream()
      .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
      .filter(d -> d.getSource() != null && d.getSource().getName().contains("Verve"))
      .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
      .collect(Collectors.toList());
    assertEquals(List.of(), warnings);
  }

  @Test
  void everyServerFunctionsInterfaceGetsItsFiles() {
    FixtureCompiler.Compilation compilation = ValidFixture.compilation();
    for (String iface : List.of("Counter", "Todos")) {
      assertTrue(compilation.exists("fixture/valid/" + iface + "VerveDescriptor.java"), iface);
      assertTrue(compilation.exists("fixture/valid/" + iface + "VerveHttpClient.java"), iface);
      assertTrue(compilation.exists("fixture/valid/" + iface + "VerveProxy.java"), iface);
      assertTrue(compilation.exists("verve/fn/" + iface + ".js"), iface);
    }
  }

  @Test
  void interfaceWithoutServerFunctionsGetsNothing() {
    FixtureCompiler.Compilation compilation = ValidFixture.compilation();
    assertFalse(compilation.exists("fixture/valid/PlainVerveDescriptor.java"));
    assertFalse(compilation.exists("fixture/valid/PlainVerveHttpClient.java"));
    assertFalse(compilation.exists("fixture/valid/PlainVerveProxy.java"));
    assertFalse(compilation.exists("verve/fn/Plain.js"));
    assertTrue(compilation.exists("fixture/valid/PlainVertxEBProxy.java"), "service-proxy still did its part");
  }
}
