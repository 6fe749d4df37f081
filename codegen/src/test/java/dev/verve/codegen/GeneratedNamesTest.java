package dev.verve.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An app's type named like one the code vertx-service-proxy generates imports or uses fails the build with
 * Verve's message, first and at the method, which names the class, the clash and the fix; javac's own errors
 * in that generated code follow it (javac still compiles generated sources after a processor's error). A name
 * only Verve's generated classes use builds: they qualify whatever name is taken.
 */
class GeneratedNamesTest {

  @TempDir
  Path workDir;

  @Test
  void aDataObjectMessageInTheInterfacesPackageIsRejectedWithVervesMessageFirst() throws IOException {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("invalidnameclash", workDir);
    assertFalse(compilation.success, "compiled");
    List<Diagnostic<? extends JavaFileObject>> errors = errors(compilation);
    Diagnostic<? extends JavaFileObject> first = errors.get(0);
    assertEquals("Guestbook.list: fixture.invalidnameclash.Message has the simple name of io.vertx.core.eventbus.Message,"
      + " which vertx-service-proxy's generated GuestbookVertxProxyHandler also imports; rename it (e.g. GuestbookMessage)."
      + " javac's errors about Message in the generated GuestbookVertxProxyHandler follow from this one:"
      + " vertx-service-proxy writes simple names there and cannot be told to qualify them", first.getMessage(Locale.ROOT));
    assertTrue(first.getSource().getName().endsWith("Guestbook.java"), "on the interface's method: " + first.getSource().getName());
    assertEquals(1, verves(errors).size(), "one error per clashing type: " + verves(errors));
    // What follows is javac's, in the generated handler, about Message ("reference to Message is ambiguous"...).
    for (Diagnostic<? extends JavaFileObject> error : errors.subList(1, errors.size())) {
      assertTrue(error.getSource().getName().endsWith("GuestbookVertxProxyHandler.java"), error.toString());
      assertTrue(error.getMessage(Locale.ROOT).contains("Message"), error.toString());
    }
  }

  @Test
  void aDataObjectMessageOfAnotherPackageIsRejectedToo() throws IOException {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("invalidnameclashimported", workDir);
    assertFalse(compilation.success, "compiled");
    assertEquals("Guestbook.sign: fixture.invalidnameclashimported.model.Message has the simple name of"
      + " io.vertx.core.eventbus.Message, which vertx-service-proxy's generated GuestbookVertxProxyHandler also imports;"
      + " rename it (e.g. GuestbookMessage). javac's errors about Message in the generated GuestbookVertxProxyHandler"
      + " follow from this one: vertx-service-proxy writes simple names there and cannot be told to qualify them",
      errors(compilation).get(0).getMessage(Locale.ROOT));
  }

  @Test
  void aDataObjectNamedLikeAJavaLangTypeTheHandlerUsesIsRejected() throws IOException {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("invalidnameclashlang", workDir);
    assertFalse(compilation.success, "compiled");
    List<Diagnostic<? extends JavaFileObject>> errors = errors(compilation);
    assertEquals("Systems.list: fixture.invalidnameclashlang.System has the simple name of java.lang.System, which"
      + " vertx-service-proxy's generated SystemsVertxProxyHandler writes by its simple name, so importing"
      + " fixture.invalidnameclashlang.System there hides java.lang's; rename it (e.g. SystemsSystem). javac's errors"
      + " about System in the generated SystemsVertxProxyHandler follow from this one: vertx-service-proxy writes simple"
      + " names there and cannot be told to qualify them", errors.get(0).getMessage(Locale.ROOT));
    assertEquals(1, verves(errors).size(), "one error per clashing type: " + verves(errors));
  }

  @Test
  void namesOnlyVervesGeneratedClassesUseBuild() throws IOException {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("namesharmless", workDir);
    assertTrue(compilation.success, String.valueOf(compilation.errors()));
    String client = compilation.source("fixture/namesharmless/BoardVerveHttpClient.java");
    // java.util.Objects keeps its name (the template's), the app's Objects is qualified...
    assertTrue(client.contains("import java.util.Objects;"), client);
    assertTrue(client.contains("public Future<fixture.namesharmless.model.Objects> objects(String name)"), client);
    // ...and java.lang.Object, hidden in the package by the app's Object.
    assertTrue(client.contains("new LinkedHashMap<String, java.lang.Object>(notes)"), client);
    String descriptor = compilation.source("fixture/namesharmless/BoardVerveDescriptor.java");
    assertTrue(descriptor.contains("import dev.verve.auth.Access;"), descriptor);
    assertTrue(descriptor.contains("new fixture.namesharmless.Access((JsonObject)v)"), descriptor);
  }

  private static List<Diagnostic<? extends JavaFileObject>> errors(FixtureCompiler.Compilation compilation) {
    return compilation.diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
  }

  // Verve's are on the fixture's sources; javac's on the generated ones.
  private static List<String> verves(List<Diagnostic<? extends JavaFileObject>> errors) {
    return errors.stream()
      .filter(d -> d.getSource() != null && !d.getSource().getName().contains("generated"))
      .map(d -> d.getMessage(Locale.ROOT))
      .collect(Collectors.toList());
  }
}
