package dev.verve.codegen;

import io.vertx.codegen.CodeGenProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Verve app's build warns about nothing it did not write: no processor source-version warning. */
class QuietBuildTest {

  private static final String SOURCE_VERSION = "Supported source version";

  @Test
  void vervesCodeGenerationSupportsTheSourceVersionItCompiles(@TempDir Path dir) throws Exception {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("openapi", dir);
    assertTrue(compilation.success, String.valueOf(compilation.errors()));
    List<String> warnings = compilation.messages(Diagnostic.Kind.WARNING);
    assertTrue(warnings.stream().noneMatch(w -> w.contains(SOURCE_VERSION)), String.valueOf(warnings));
    assertTrue(compilation.exists("fixture/openapi/ShapesVerveDescriptor.java"), "the generators ran");
  }

  @Test
  void vertxCodegensOwnProcessorIsWhatWarned(@TempDir Path dir) throws Exception {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("openapi", dir,
      List.of(new CodeGenProcessor(), new ServerFunctionsChecker()));
    assertEquals(1, compilation.messages(Diagnostic.Kind.WARNING).stream().filter(w -> w.contains(SOURCE_VERSION)).count(),
      String.valueOf(compilation.messages(Diagnostic.Kind.WARNING)));
  }
}
