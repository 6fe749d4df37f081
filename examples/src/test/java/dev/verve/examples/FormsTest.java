package dev.verve.examples;

import dev.verve.client.VerveClient;
import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import dev.verve.fn.UploadedFile;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.multipart.MultipartForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server functions as the action of plain HTML forms: fields converted with the descriptor's types and
 * validated like JSON, the web's answers (303 and a flash shown once) for browsers, JSON for everyone else,
 * files in memory up to {@code api.bodyLimit}, and forms refused from other sites.
 */
@ExtendWith(NoBlockedThreads.class)
class FormsTest {

  static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  static final long BODY_LIMIT = 64 * 1024;

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(ProbeVerticle::new, new JsonObject().put("api.bodyLimit", BODY_LIMIT));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static MultiMap fields(String... namesAndValues) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < namesAndValues.length; i += 2) form.add(namesAndValues[i], namesAndValues[i + 1]);
    return form;
  }

  static MultiMap validTypes() {
    return fields("big", "9007199254740993", "ratio", "2.5", "flag", "on", "color", "GREEN",
      "numbers", "1", "numbers", "2", "tags", "{\"a\": \"b\"}",
      "todo", "{\"id\": 7, \"title\": \"Typed\", \"done\": true}");
  }

  static HttpResponse<Buffer> post(String path, MultiMap form) {
    return await(server.http.post(path).sendForm(form));
  }

  /** A form posted by a browser with JavaScript off, from {@code page} of this site. */
  static HttpRequest<Buffer> fromPage(WebClientSession browser, String path, String page) {
    return browser.post(path).putHeader("Accept", BROWSER_ACCEPT)
      .putHeader("Origin", "http://127.0.0.1:" + server.port)
      .putHeader("Sec-Fetch-Site", "same-origin")
      .putHeader("Referer", "http://127.0.0.1:" + server.port + page);
  }

  // ---- conversion and validation -----------------------------------------------------------------

  @Test
  void formFieldsAreConvertedWithTheDescriptorsTypes() {
    HttpResponse<Buffer> answer = post("/api/Probe/types", validTypes());
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    assertEquals(new JsonObject().put("big", 9007199254740993L).put("ratio", 2.5).put("flag", true).put("color", "GREEN")
      .put("numbers", new JsonArray().add(1).add(2)).put("tags", new JsonObject().put("a", "b")).putNull("note")
      .put("todo", new JsonObject().put("id", 7).put("title", "Typed").put("done", true)), answer.bodyAsJsonObject());
  }

  @Test
  void anUncheckedCheckboxIsFalseAndABlankNullableIsAbsent() {
    MultiMap form = validTypes();
    form.remove("flag");
    form.add("note", "");
    JsonObject echoed = post("/api/Probe/types", form).bodyAsJsonObject();
    assertEquals(false, echoed.getBoolean("flag"));
    assertEquals("", echoed.getString("note")); // a text field sent empty is an empty string
    form.set("flag", "false");
    assertEquals(false, post("/api/Probe/types", form).bodyAsJsonObject().getBoolean("flag"));
  }

  @Test
  void aFieldThatIsNotANumberIsRefusedLikeTheSameValueInJson() {
    JsonObject fromForm = assertProblem(post("/api/Probe/types", validTypes().set("big", "lots")), 400);
    JsonObject json = new JsonObject().put("big", "lots").put("ratio", 2.5).put("flag", true).put("color", "GREEN")
      .put("numbers", new JsonArray().add(1)).put("tags", new JsonObject())
      .put("todo", new JsonObject().put("id", 7).put("title", "Typed").put("done", true));
    JsonObject fromJson = assertProblem(server.postJson("/api/Probe/types", json.encode()), 400);
    assertEquals(fromJson.getJsonArray("errors"), fromForm.getJsonArray("errors"));
    assertEquals(fromJson.getString("detail"), fromForm.getString("detail"));
  }

  @Test
  void everyKindOfBadFieldGetsItsOwnError() {
    JsonObject problem = assertProblem(post("/api/Probe/types", validTypes().set("ratio", "1d").set("color", "PINK")
      .set("numbers", "2.5").set("tags", "{not json").set("todo", "[]").add("extra", "x")), 400);
    String errors = problem.getJsonArray("errors").encode();
    for (String argument : new String[] {"ratio", "color", "numbers", "tags", "todo", "extra"}) {
      assertTrue(errors.contains("\"argument\":\"" + argument + "\""), argument + " in " + errors);
    }
    assertTrue(errors.contains("is not a parameter"), errors);
    // A missing required field, and a fraction for a long, are refused in the JSON words.
    JsonObject missing = assertProblem(post("/api/Probe/types", validTypes().remove("big")), 400);
    assertEquals("'big' is required (a long)", missing.getJsonArray("errors").getJsonObject(0).getString("detail"));
    JsonObject fraction = assertProblem(post("/api/Probe/types", validTypes().set("big", "2.5")), 400);
    assertTrue(fraction.getString("detail").contains("whole number"), fraction.encode());
  }

  @Test
  void returnToIsNotAnArgument() {
    HttpResponse<Buffer> answer = post("/api/Probe/echo", fields("text", "hi", "returnTo", "/somewhere"));
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    assertEquals("\"hi\"", answer.bodyAsString());
  }

  @Test
  void multipartCarriesFilesSetsObjectsAndNullables() {
    MultipartForm form = MultipartForm.create()
      .attribute("labels", "b").attribute("labels", "a").attribute("labels", "b")
      .attribute("extra", "{\"k\": [1]}").attribute("maybe", "")
      .textFileUpload("file", "notes.txt", Buffer.buffer("héllo\n"), "text/plain")
      .binaryFileUpload("more", "one.bin", Buffer.buffer(new byte[] {0, 1, 2}), "application/octet-stream")
      .binaryFileUpload("more", "two.bin", Buffer.buffer(new byte[] {3}), "application/octet-stream");
    HttpResponse<Buffer> answer = await(server.http.post("/api/Probe/upload").sendMultipartForm(form));
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    JsonObject echoed = answer.bodyAsJsonObject();
    assertEquals("notes.txt", echoed.getJsonObject("file").getString("name"));
    assertEquals("héllo\n", echoed.getJsonObject("file").getString("text"));
    assertTrue(echoed.getJsonObject("file").getString("contentType").startsWith("text/plain"));
    assertEquals(2, echoed.getJsonArray("more").size());
    assertEquals(3, echoed.getJsonArray("more").getJsonObject(0).getInteger("size"));
    assertEquals("two.bin", echoed.getJsonArray("more").getJsonObject(1).getString("name"));
    assertEquals(new JsonArray().add("a").add("b"), echoed.getJsonArray("labels"));
    assertEquals(new JsonObject().put("k", new JsonArray().add(1)), echoed.getJsonObject("extra"));
    assertNull(echoed.getValue("maybe"));
  }

  @Test
  void aFileParameterWithoutAFileIsRequiredAndTextIsNoFile() {
    MultipartForm empty = MultipartForm.create().attribute("labels", "a")
      .binaryFileUpload("file", "", Buffer.buffer(), "application/octet-stream");
    JsonObject problem = assertProblem(await(server.http.post("/api/Probe/upload").sendMultipartForm(empty)), 400);
    assertEquals("'file' is required (a file)", problem.getJsonArray("errors").getJsonObject(0).getString("detail"));
    JsonObject text = assertProblem(post("/api/Probe/upload", fields("file", "not a file")), 400);
    assertEquals("'file' must be a file", text.getJsonArray("errors").getJsonObject(0).getString("detail"));
  }

  @Test
  void aFileAlsoTravelsAsJsonWithBase64Bytes() {
    JsonObject file = new UploadedFile("a.txt", "text/plain", Buffer.buffer("as JSON")).toJson();
    HttpResponse<Buffer> answer = server.postJson("/api/Probe/upload", new JsonObject().put("file", file)
      .put("more", new JsonArray()).put("labels", new JsonArray()).encode());
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    assertEquals("as JSON", answer.bodyAsJsonObject().getJsonObject("file").getString("text"));
    JsonObject bad = assertProblem(server.postJson("/api/Probe/upload", new JsonObject()
      .put("file", new JsonObject().put("bytes", "not base64!")).put("more", new JsonArray())
      .put("labels", new JsonArray()).encode()), 400);
    assertEquals("'file' must be a file", bad.getJsonArray("errors").getJsonObject(0).getString("detail"));
  }

  @Test
  void anOverLimitUploadIs413AndNothingIsWrittenToDisk() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    Set<Path> before = list(tmp);
    byte[] big = new byte[(int) BODY_LIMIT + 1024];
    MultipartForm form = MultipartForm.create().binaryFileUpload("file", "big.bin", Buffer.buffer(big), "application/octet-stream");
    assertProblem(await(server.http.post("/api/Probe/upload").sendMultipartForm(form)), 413);
    // Streamed without a Content-Length: refused once it grows past the limit.
    assertEquals(413, streamedUpload(big.length));
    // Below the limit it works, and neither leaves a file behind.
    MultipartForm small = MultipartForm.create().binaryFileUpload("file", "small.bin", Buffer.buffer(new byte[1000]), "application/octet-stream");
    assertEquals(200, await(server.http.post("/api/Probe/upload").sendMultipartForm(small)).statusCode());
    assertFalse(Files.exists(Path.of("file-uploads")), "vertx-web's upload directory");
    Set<Path> after = list(tmp);
    after.removeAll(before);
    assertTrue(after.stream().noneMatch(p -> p.getFileName().toString().matches("(?i).*(upload|\\.tmp|\\.bin).*")),
      "new files in " + tmp + ": " + after);
    // The server keeps serving.
    assertEquals(200, post("/api/Probe/echo", fields("text", "still here")).statusCode());
  }

  /** A multipart upload of {@code size} bytes sent in chunks, without a Content-Length; the status. */
  private static int streamedUpload(int size) {
    io.vertx.core.http.HttpClient client = server.vertx.createHttpClient();
    try {
      return await(client.request(io.vertx.core.http.HttpMethod.POST, server.port, "127.0.0.1", "/api/Probe/upload")
        .compose(request -> {
          request.setChunked(true).putHeader("Content-Type", "multipart/form-data; boundary=xyz");
          request.write("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n");
          Buffer chunk = Buffer.buffer(new byte[8192]);
          for (int sent = 0; sent < size; sent += chunk.length()) request.write(chunk);
          request.end("\r\n--xyz--\r\n");
          return request.response();
        })).statusCode();
    } finally {
      client.close();
    }
  }

  private static Set<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.collect(Collectors.toSet());
    }
  }

  // ---- the web's answers -------------------------------------------------------------------------

  @Test
  void aBrowsersFormPostIsAnswered303ToReturnToOrBackToThePage() {
    WebClientSession browser = server.browser();
    HttpResponse<Buffer> toReturnTo = await(fromPage(browser, "/api/Probe/echo", "/server-data")
      .sendForm(fields("text", "hi", "returnTo", "/server-data?x=1")));
    assertEquals(303, toReturnTo.statusCode(), toReturnTo.bodyAsString());
    assertEquals("/server-data?x=1", toReturnTo.getHeader("Location"));
    HttpResponse<Buffer> back = await(fromPage(browser, "/api/Probe/echo", "/server-data?a=b").sendForm(fields("text", "hi")));
    assertEquals("/server-data?a=b", back.getHeader("Location"));
  }

  @Test
  void anotherSiteInReturnToOrRefererNeverBecomesTheRedirect() {
    for (String returnTo : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"}) {
      HttpResponse<Buffer> answer = await(fromPage(server.browser(), "/api/Probe/echo", "/server-data")
        .sendForm(fields("text", "hi", "returnTo", returnTo)));
      assertEquals(303, answer.statusCode());
      assertEquals("/", answer.getHeader("Location"), returnTo);
    }
    HttpResponse<Buffer> foreignReferer = await(server.browser().post("/api/Probe/echo").putHeader("Accept", BROWSER_ACCEPT)
      .putHeader("Referer", "https://evil.example/page").sendForm(fields("text", "hi")));
    assertEquals(303, foreignReferer.statusCode());
    assertEquals("/", foreignReferer.getHeader("Location"));
    HttpResponse<Buffer> failedForeign = await(server.browser().post("/api/Probe/types").putHeader("Accept", BROWSER_ACCEPT)
      .putHeader("Referer", "http://evil.example:" + server.port + "/server-data").sendForm(fields("big", "x")));
    assertEquals(303, failedForeign.statusCode());
    assertEquals("/", failedForeign.getHeader("Location"));
  }

  /** The state block of a page: the template context, what the page got from the flash included. */
  static JsonObject state(WebClientSession browser, String path) {
    String page = await(browser.get(path).send()).bodyAsString();
    java.util.regex.Matcher m = java.util.regex.Pattern
      .compile("<script type=\"application/json\" id=\"verve-state\">(.*?)</script>", java.util.regex.Pattern.DOTALL)
      .matcher(page);
    assertTrue(m.find(), page);
    return new JsonObject(m.group(1));
  }

  @Test
  void aFailedFormPostFlashesTheProblemAndTheValuesShownOnce() {
    WebClientSession browser = server.browser();
    HttpResponse<Buffer> answer = await(fromPage(browser, "/api/Probe/types", "/server-data")
      .sendForm(validTypes().set("big", "lots").add("password", "hunter2")));
    assertEquals(303, answer.statusCode(), answer.bodyAsString());
    assertEquals("/server-data", answer.getHeader("Location"));
    JsonObject state = state(browser, "/server-data");
    JsonObject problem = state.getJsonObject("problem");
    assertEquals(400, problem.getInteger("status"));
    assertEquals(new JsonObject().put("big", "'big' must be a long")
      .put("password", "'password' is not a parameter of types"), problem.getJsonObject("errors"));
    assertNull(problem.getValue("general"), "a problem that names its argument is not shown in general");
    assertEquals("lots", state.getJsonObject("values").getString("big"));
    assertEquals(new JsonArray().add("1").add("2"), state.getJsonObject("values").getJsonArray("numbers"));
    assertEquals("Hello from the server!", state.getString("data"), "the page's own data is still there");
    assertNull(state.getValue("answered"), "only a success says whose result it is");
    assertFalse(state.getJsonObject("values").containsKey("password"), "a password is never sent back");
    JsonObject again = state(browser, "/server-data");
    assertNull(again.getValue("problem"));
    assertNull(again.getValue("values"));
  }

  @Test
  void aFunctionsOwnFailureIsFlashedAsAGeneralProblem() {
    WebClientSession browser = server.browser();
    await(fromPage(browser, "/api/Probe/failWith", "/server-data").sendForm(fields("code", "409", "message", "Taken <b>")));
    JsonObject problem = state(browser, "/server-data").getJsonObject("problem");
    assertEquals(409, problem.getInteger("status"));
    assertEquals("Taken <b>", problem.getString("general"));
    assertEquals(new JsonObject(), problem.getJsonObject("errors"));
  }

  @Test
  void aSuccessfulFormPostFlashesTheResult() {
    WebClientSession browser = server.browser();
    HttpResponse<Buffer> answer = await(fromPage(browser, "/api/Probe/echo", "/server-data").sendForm(fields("text", "Hello, Ada!")));
    assertEquals(303, answer.statusCode());
    JsonObject state = state(browser, "/server-data");
    assertEquals("Hello, Ada!", state.getString("result"));
    // Whose result it is, for a page with several forms: {{#if answered.Probe.echo}}.
    assertEquals(new JsonObject().put("Probe", new JsonObject().put("echo", true)), state.getJsonObject("answered"));
    assertNull(state(browser, "/server-data").getValue("result"));
  }

  @Test
  void callersThatPreferJsonGetTheJsonAnswers() {
    HttpResponse<Buffer> fetchLike = await(server.http.post("/api/Probe/types").putHeader("Accept", "*/*")
      .putHeader("Origin", "http://127.0.0.1:" + server.port).sendForm(validTypes().set("big", "x")));
    assertProblem(fetchLike, 400);
    HttpResponse<Buffer> asksJson = await(server.http.post("/api/Probe/echo")
      .putHeader("Accept", "application/json, text/html;q=0.9").sendForm(fields("text", "json")));
    assertEquals(200, asksJson.statusCode());
    assertEquals("\"json\"", asksJson.bodyAsString());
  }

  @Test
  void formsFromAnotherSiteAreRefused() {
    HttpResponse<Buffer> crossSite = await(server.http.post("/api/Probe/echo").putHeader("Accept", BROWSER_ACCEPT)
      .putHeader("Sec-Fetch-Site", "cross-site").sendForm(fields("text", "forged")));
    assertProblem(crossSite, 403);
    HttpResponse<Buffer> sameSite = await(server.http.post("/api/Probe/echo").putHeader("Sec-Fetch-Site", "same-site")
      .sendForm(fields("text", "from a sibling subdomain")));
    assertProblem(sameSite, 403);
    HttpResponse<Buffer> foreignOrigin = await(server.http.post("/api/Probe/echo").putHeader("Origin", "https://evil.example")
      .sendForm(fields("text", "forged")));
    assertProblem(foreignOrigin, 403);
    // Refused before anything else: no flash, no redirect, even where the caller may not call at all.
    HttpResponse<Buffer> beforeAccess = await(server.http.post("/api/Todos/add").putHeader("Accept", BROWSER_ACCEPT)
      .putHeader("Sec-Fetch-Site", "same-site").sendForm(fields("title", "forged")));
    assertProblem(beforeAccess, 403);
    MultipartForm multipart = MultipartForm.create().attribute("text", "forged");
    assertProblem(await(server.http.post("/api/Probe/echo").putHeader("Sec-Fetch-Site", "cross-site")
      .sendMultipartForm(multipart)), 403);
  }

  @Test
  void otherContentTypesAreStill415() {
    HttpResponse<Buffer> answer = await(server.http.post("/api/Probe/echo").putHeader("Content-Type", "text/plain")
      .sendBuffer(Buffer.buffer("text=hi")));
    assertProblem(answer, 415);
  }

  // ---- Todos.importFile ---------------------------------------------------------------------------

  @Test
  void importFileAddsOneTodoPerLineOverHttpAndTheJavaClient() {
    String token = server.signUp("importer", "correct horse battery");
    MultipartForm form = MultipartForm.create()
      .textFileUpload("file", "todos.txt", Buffer.buffer("\uFEFFBuy milk\r\n\n  Call Ada  \nWrite docs\n"), "text/plain");
    HttpResponse<Buffer> answer = await(server.http.post("/api/Todos/importFile")
      .putHeader("Authorization", "Bearer " + token).sendMultipartForm(form));
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    assertEquals(java.util.List.of("Buy milk", "Call Ada", "Write docs"), titles(answer.bodyAsJsonArray()));

    VerveClient client = VerveClient.create(server.vertx, "http://127.0.0.1:" + server.port).token(token);
    try {
      java.util.List<Todo> added = await(client.of(Todos.class)
        .importFile(new UploadedFile("more.txt", "text/plain", Buffer.buffer("From Java\nAnd again", StandardCharsets.UTF_8.name()))));
      assertEquals(java.util.List.of("From Java", "And again"), added.stream().map(Todo::getTitle).collect(Collectors.toList()));
    } finally {
      client.close();
    }
    JsonArray all = server.postJson("/api/Todos/list", "{}", token).bodyAsJsonArray();
    assertEquals(5, all.size());
  }

  @Test
  void importFileWithTheSessionCookieAsCurlDoesIt() {
    WebClientSession curl = server.browser();
    server.signUp(curl, "curl-user", "correct horse battery");
    HttpResponse<Buffer> answer = await(curl.post("/api/Todos/importFile").putHeader("Accept", "*/*")
      .sendMultipartForm(MultipartForm.create().textFileUpload("file", "todos.txt", Buffer.buffer("Buy milk\nCall Ada\n"), "text/plain")));
    assertEquals(200, answer.statusCode(), answer.bodyAsString());
    assertEquals(java.util.List.of("Buy milk", "Call Ada"), titles(answer.bodyAsJsonArray()));
  }

  @Test
  void aBadLineOrTooManyLinesAddsNothingAndNamesTheFile() {
    String token = server.signUp("importer2", "correct horse battery");
    String longLine = "x".repeat(Todos.MAX_TITLE + 1);
    JsonObject badLine = assertProblem(importFile(token, "fine\n" + longLine + "\n"), 400);
    assertEquals("file", badLine.getJsonArray("errors").getJsonObject(0).getString("argument"));
    assertTrue(badLine.getString("detail").startsWith("Line 2: "), badLine.encode());
    String tooMany = Stream.iterate(1, i -> i + 1).limit(Todos.MAX_IMPORT_LINES + 1).map(i -> "todo " + i)
      .collect(Collectors.joining("\n"));
    assertProblem(importFile(token, tooMany), 400);
    JsonObject notUtf8 = assertProblem(await(server.http.post("/api/Todos/importFile").putHeader("Authorization", "Bearer " + token)
      .sendMultipartForm(MultipartForm.create().binaryFileUpload("file", "x.bin", Buffer.buffer(new byte[] {(byte) 0xff, 'a'}), "application/octet-stream"))), 400);
    assertEquals("The file is not UTF-8 text", notUtf8.getString("detail"));
    assertEquals(0, server.postJson("/api/Todos/list", "{}", token).bodyAsJsonArray().size());
    // Exactly the maximum is fine.
    String hundred = Stream.iterate(1, i -> i + 1).limit(Todos.MAX_IMPORT_LINES).map(i -> "todo " + i)
      .collect(Collectors.joining("\n"));
    assertEquals(Todos.MAX_IMPORT_LINES, importFile(token, hundred).bodyAsJsonArray().size());
  }

  @Test
  void anEmptyTitleNamesTheArgumentForFormsAndJsonAlike() {
    String token = server.signUp("titles", "correct horse battery");
    JsonObject problem = assertProblem(server.postJson("/api/Todos/add", "{\"title\": \"  \"}", token), 400);
    assertEquals("A todo needs a title", problem.getString("detail"));
    assertEquals(new JsonArray().add(new JsonObject().put("argument", "title").put("detail", "A todo needs a title")),
      problem.getJsonArray("errors"));
  }

  @Test
  void aSignedOutBrowsersFormPostIsSentBackWithTheProblem() {
    WebClientSession browser = server.browser();
    HttpResponse<Buffer> answer = await(fromPage(browser, "/api/Todos/add", "/server-data").sendForm(fields("title", "x")));
    assertEquals(303, answer.statusCode());
    assertEquals(401, state(browser, "/server-data").getJsonObject("problem").getInteger("status"));
  }

  private static HttpResponse<Buffer> importFile(String token, String text) {
    return await(server.http.post("/api/Todos/importFile").putHeader("Authorization", "Bearer " + token)
      .sendMultipartForm(MultipartForm.create().textFileUpload("file", "t.txt", Buffer.buffer(text), "text/plain")));
  }

  private static java.util.List<String> titles(JsonArray todos) {
    return todos.stream().map(t -> ((JsonObject) t).getString("title")).collect(Collectors.toList());
  }
}
