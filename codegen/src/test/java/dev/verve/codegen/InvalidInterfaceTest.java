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

/**
 * Each fixture breaks one rule; the build must fail with an error that names the method and the rule.
 * The first group is checked by verve-codegen, the second by vertx-service-proxy's {@code ProxyModel}.
 */
class InvalidInterfaceTest {

  @TempDir
  Path workDir;

  @Test
  void voidMethodIsRejected() throws IOException {
    assertFails("invalidreturnvoid", "InvalidReturnVoid.ping: a server function must return Future<T>");
  }

  @Test
  void proxyResultIsRejected() throws IOException {
    assertFails("invalidreturnproxy", "InvalidReturnProxy.helper: the result of a server function must be sendable as JSON",
      "Helper cannot be sent as JSON");
  }

  @Test
  void mapResultWithoutStringKeysIsRejected() throws IOException {
    assertFails("invalidresultmapkey", "InvalidResultMapKey.byNumber: the result of a server function must be sendable as JSON",
      "String keys");
  }

  @Test
  void charParameterIsRejected() throws IOException {
    assertFails("invalidcharparam", "InvalidCharParam.code: parameter 'letter'", "use String or int");
  }

  @Test
  void charInsideAResultContainerIsRejected() throws IOException {
    assertFails("invalidcharresult", "InvalidCharResult.letters: the result is List<Character>", "use String or int");
  }

  @Test
  void nullableListParameterIsRejected() throws IOException {
    assertFails("invalidnullablecontainer", "InvalidNullableContainer.count: parameter 'tags' is @Nullable List<String>",
      "cannot pass null");
  }

  @Test
  void proxyCloseIsRejected() throws IOException {
    assertFails("invalidproxyclose", "InvalidProxyClose.close: @ProxyClose is not allowed in a @ServerFunctions interface");
  }

  @Test
  void twoInterfacesWithTheSameSimpleNameAreRejected() throws IOException {
    // whichever comes first is valid on its own and may have been written: only check the error
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("invalidduplicatename", workDir);
    assertFalse(compilation.success);
    assertTrue(compilation.errors().stream().anyMatch(e -> e.contains("Counter: another @ServerFunctions interface has the same"
      + " simple name (fixture.invalidduplicatename.") && e.contains("/api/Counter")), () -> compilation.errors().toString());
  }

  @Test
  void interfaceWithoutProxyGenIsRejected() throws IOException {
    assertFails("invalidmissingproxygen", "InvalidMissingProxyGen: a @ServerFunctions interface must also be annotated @ProxyGen @VertxGen");
  }

  @Test
  void interfaceInAnImplPackageIsRejected() throws IOException {
    assertFails("invalidimplpackage", "InvalidImplPackage: vertx-codegen skips packages named impl");
  }

  @Test
  void streamThatIsNotDefaultIsRejectedWithTheDeclarationToWrite() throws IOException {
    assertFails("invalidstreamnotdefault", "InvalidStreamNotDefault.count: a stream function must be declared default"
      + " and @GenIgnore (this one is not default)", "@GenIgnore // a stream: served by Verve, skipped by vertx-service-proxy",
      "default Future<ReadStream<Integer>> count(int to) {", "return Streams.declared();"); // javac indents the lines
  }

  @Test
  void streamWithoutGenIgnoreIsRejectedWithTheDeclarationToWrite() throws IOException {
    assertFails("invalidstreamnotignored", "InvalidStreamNotIgnored.count: a stream function must be declared default"
      + " and @GenIgnore (this one is not @GenIgnore)", "default Future<ReadStream<Integer>> count(int to) {");
  }

  @Test
  void streamOfCharIsRejected() throws IOException {
    assertFails("invalidstreamchar", "InvalidStreamChar.letters: the items are Character", "use String or int");
  }

  @Test
  void streamOfAnUnsendableTypeIsRejected() throws IOException {
    assertFails("invalidstreamitem", "InvalidStreamItem.anything: the items of a stream function must be sendable as JSON",
      "Object cannot be sent as JSON");
  }

  @Test
  void streamOfVoidIsRejected() throws IOException {
    assertFails("invalidstreamvoid", "InvalidStreamVoid.ticks: a stream of Void carries nothing");
  }

  @Test
  void streamTakingAFileIsRejected() throws IOException {
    assertFails("invalidstreamupload", "InvalidStreamUpload.lines: parameter 'file' is UploadedFile",
      "a stream function takes JSON arguments only");
  }

  @Test
  void streamParameterOfAnUnsendableTypeIsRejected() throws IOException {
    assertFails("invalidstreamparam", "InvalidStreamParam.lines: parameter 'source' must be sendable as JSON",
      "Object cannot be sent as JSON");
  }

  @Test
  void streamOverloadingAFunctionIsRejected() throws IOException {
    assertFails("invalidstreamoverload", "InvalidStreamOverload.count: another method has the same name",
      "overloads are not allowed");
  }

  @Test
  void errorPointsAtTheMethod() throws IOException {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile("invalidreturnvoid", workDir);
    Diagnostic<? extends JavaFileObject> error = compilation.diagnostics.stream()
      .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null)
      .findFirst()
      .orElseThrow();
    assertTrue(error.getSource().getName().endsWith("InvalidReturnVoid.java"), error::toString);
    String line = FixtureCompiler.read(Path.of(error.getSource().toUri())).lines().skip(error.getLineNumber() - 1).findFirst().orElseThrow();
    assertEquals("  void ping();", line);
  }

  // --- rules vertx-service-proxy enforces itself

  @Test
  void aMethodWithoutAnAccessRuleIsRejectedByName() throws IOException {
    assertFails("invalidnoaccessrule", "InvalidNoAccessRule.forgotten: no access rule",
      "@AnonymousAllowed, @PermitAll, @RolesAllowed(\"role\") or @DenyAll");
  }

  @Test
  void twoAccessRulesOnOneMethodAreRejected() throws IOException {
    assertFails("invalidtworules", "InvalidTwoRules.undecided: @PermitAll and @DenyAll on the same method");
  }

  @Test
  void overloadIsRejected() throws IOException {
    assertFails("invalidoverload", "Overloaded methods are not allowed in ProxyGen interfaces greet");
  }

  @Test
  void illegalParameterTypeIsRejected() throws IOException {
    assertFails("invalidparamtype", "InvalidParamType#describe(java.lang.Object)", "is not legal for use for a parameter in proxy");
  }

  /** One error diagnostic holds every fragment; nothing of ours is generated for the broken interface. */
  private void assertFails(String fixture, String... fragments) throws IOException {
    FixtureCompiler.Compilation compilation = FixtureCompiler.compile(fixture, workDir);
    assertFalse(compilation.success, fixture + " compiled");
    List<String> errors = compilation.errors();
    assertTrue(errors.stream().anyMatch(e -> List.of(fragments).stream().allMatch(e::contains)),
      () -> "no error with " + List.of(fragments) + " in " + errors);
    assertFalse(compilation.exists("verve/fn"), "a JS module was written for a broken interface");
  }
}
