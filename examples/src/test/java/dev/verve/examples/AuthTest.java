package dev.verve.examples;

import dev.verve.auth.Caller;
import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.core.eventbus.ReplyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.verve.examples.support.Problems.assertProblem;
import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who is calling: every way in against every access rule, sessions, tokens, sign-in's defences. */
@ExtendWith(NoBlockedThreads.class)
class AuthTest {

  static final String PASSWORD = "correct horse battery";
  static final String ADMIN_PASSWORD = "admin-password-1";
  static final AtomicInteger USERS = new AtomicInteger();

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(ProbeVerticle::new, new JsonObject()
      .put("auth.adminPassword", ADMIN_PASSWORD)
      .put("eventbus.inbound", new JsonArray().add("verve.test.who"))
      .put("eventbus.outbound", new JsonArray().add("counter.total").add("admin.events role:admin")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String newUser() {
    return "user" + USERS.incrementAndGet();
  }

  static HttpResponse<Buffer> post(WebClientSession browser, String path, String json) {
    return await(browser.post(path).putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(json)));
  }

  @Test
  void everyWayInMeetsEveryRule() {
    String user = newUser();
    WebClientSession browser = server.browser();
    server.signUp(browser, user, PASSWORD);
    String userToken = server.token(user, PASSWORD);
    String adminToken = server.token("admin", ADMIN_PASSWORD);

    String[] functions = {"Counter/getServerData", "Todos/list", "Admin/stats", "Who/never"};
    Map<String, List<Integer>> table = new LinkedHashMap<>();
    table.put("HTTP, anonymous", statuses(functions, path -> server.postJson(path, "{}")));
    table.put("HTTP, session cookie", statuses(functions, path -> post(browser, path, "{}")));
    table.put("HTTP, bearer token", statuses(functions, path -> server.postJson(path, "{}", userToken)));
    table.put("HTTP, bearer token of an admin", statuses(functions, path -> server.postJson(path, "{}", adminToken)));
    System.out.println("[auth] way in x rule (@AnonymousAllowed, @PermitAll, @RolesAllowed(admin), @DenyAll): " + table);

    assertEquals(List.of(200, 401, 401, 403), table.get("HTTP, anonymous"));
    assertEquals(List.of(200, 200, 403, 403), table.get("HTTP, session cookie"));
    assertEquals(List.of(200, 200, 403, 403), table.get("HTTP, bearer token"));
    assertEquals(List.of(200, 200, 200, 403), table.get("HTTP, bearer token of an admin"));
    JsonObject stats = server.postJson("/api/Admin/stats", "{}", adminToken).bodyAsJsonObject();
    assertTrue(stats.getLong("users") >= 2 && stats.containsKey("todos"), stats.encode());
  }

  private static List<Integer> statuses(String[] functions, java.util.function.Function<String, HttpResponse<Buffer>> call) {
    List<Integer> statuses = new ArrayList<>();
    for (String function : functions) statuses.add(call.apply("/api/" + function).statusCode());
    return statuses;
  }

  @Test
  void aFunctionReadsItsCallerAfterATimerAQueryAndACallToAnotherFunction() {
    String user = newUser();
    String token = server.signUp(user, PASSWORD);
    HttpResponse<Buffer> response = server.postJson("/api/Who/afterAwaits", "{}", token);
    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("\"" + user + "\"", response.bodyAsString());
  }

  @Test
  void aFunctionCallingAFunctionActsForTheSameUser() {
    String ada = newUser();
    String bob = newUser();
    String adaToken = server.signUp(ada, PASSWORD);
    String bobToken = server.signUp(bob, PASSWORD);
    server.postJson("/api/Todos/add", "{\"title\": \"one\"}", adaToken);
    server.postJson("/api/Todos/add", "{\"title\": \"two\"}", adaToken);
    assertEquals("2", server.postJson("/api/Who/myTodoCount", "{}", adaToken).bodyAsString());
    assertEquals("0", server.postJson("/api/Who/myTodoCount", "{}", bobToken).bodyAsString());
  }

  @Test
  void aPagesSourcesCallFunctionsAsTheVisitor() {
    String user = newUser();
    WebClientSession browser = server.browser();
    server.signUp(browser, user, PASSWORD);
    String html = await(browser.get("/probe/who").send()).bodyAsString();
    JsonObject data = PagesTest.state(html).getJsonObject("data");
    assertEquals(user, data.getString("name"));
    assertEquals(false, PagesTest.state(await(server.http.get("/probe/who").send()).bodyAsString())
      .getJsonObject("data").getBoolean("signedIn"));
  }

  @Test
  void codeOutsideAnyRequestIsAnonymousUnlessItNamesACaller() {
    Todos todos = new io.vertx.serviceproxy.ServiceProxyBuilder(server.vertx)
      .setAddress(Todos.class.getName()).build(Todos.class);
    ReplyException refused = assertThrows(ReplyException.class, () -> await(todos.list()));
    assertEquals(401, refused.failureCode());

    String user = newUser();
    String token = server.signUp(user, PASSWORD);
    server.postJson("/api/Todos/add", "{\"title\": \"mine\"}", token);
    JsonObject me = server.postJson("/api/Who/me", "{}", token).bodyAsJsonObject();
    assertEquals(user, me.getString("name"));
    // The user's id is the token's subject.
    String id = subject(token);
    List<Todo> theirs = await(Caller.user(id, user, List.of()).run(server.vertx, todos::list));
    assertEquals(1, theirs.size());
    assertEquals("mine", theirs.get(0).getTitle());
  }

  private static String subject(String token) {
    String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
      java.nio.charset.StandardCharsets.UTF_8);
    return new JsonObject(payload).getString("sub");
  }

  @Test
  void theBridgeIgnoresACallerHeaderSentByTheBrowserAndUsesTheSocketsUser() throws Exception {
    String forged = Caller.user("1", "admin", List.of("admin")).toJson().encode();
    JsonObject anonymous = bridgeCall(null, "me", forged);
    assertEquals(false, anonymous.getJsonObject("body").getBoolean("signedIn"), anonymous.encode());
    JsonObject refused = bridgeCall(null, "afterAwaits", forged);
    assertEquals(401, refused.getInteger("failureCode"), refused.encode());

    String user = newUser();
    WebClientSession browser = server.browser();
    server.signUp(browser, user, PASSWORD);
    String cookie = sessionCookie(browser);
    JsonObject signedIn = bridgeCall(cookie, "me", forged);
    assertEquals(user, signedIn.getJsonObject("body").getString("name"), signedIn.encode());
  }

  private static String sessionCookie(WebClientSession browser) {
    io.netty.handler.codec.http.cookie.Cookie cookie = browser.cookieStore().get(false, "127.0.0.1", "/").iterator().next();
    return cookie.name() + "=" + cookie.value();
  }

  private static JsonObject bridgeCall(String cookie, String action, String forgedCaller) throws Exception {
    try (BridgeSocket bridge = BridgeSocket.open(cookie)) {
      await(bridge.socket.writeTextMessage(new JsonObject().put("type", "send").put("address", "verve.test.who")
        .put("replyAddress", "reply-1").put("body", new JsonObject())
        .put("headers", new JsonObject().put("action", action).put("verve-caller", forgedCaller)).encode()));
      return bridge.next();
    }
  }

  @Test
  void anOutboundAddressCanNeedARoleAndUserAddressesReachOnlyTheirUser() throws Exception {
    String ada = newUser();
    WebClientSession adaBrowser = server.browser();
    server.signUp(adaBrowser, ada, PASSWORD);
    String adaId = subject(server.token(ada, PASSWORD));
    WebClientSession adminBrowser = server.browser();
    assertEquals(303, server.signIn(adminBrowser, "admin", ADMIN_PASSWORD).statusCode());

    try (BridgeSocket anonymous = BridgeSocket.open(null);
         BridgeSocket adaSocket = BridgeSocket.open(sessionCookie(adaBrowser));
         BridgeSocket admin = BridgeSocket.open(sessionCookie(adminBrowser))) {
      assertRefused(anonymous.register("admin.events"));
      assertRefused(adaSocket.register("admin.events"));
      assertRefused(anonymous.register("user." + adaId + ".todos"));
      assertRefused(admin.register("user." + adaId + ".todos"));
      assertNull(admin.register("admin.events"));
      assertNull(adaSocket.register("user." + adaId + ".todos"));

      server.vertx.eventBus().publish("admin.events", new JsonObject().put("n", 1));
      server.vertx.eventBus().publish("user." + adaId + ".todos", new JsonObject().put("n", 2));
      assertEquals(1, admin.next().getJsonObject("body").getInteger("n"));
      assertEquals(2, adaSocket.next().getJsonObject("body").getInteger("n"));
      assertNull(anonymous.frames.poll(300, TimeUnit.MILLISECONDS), "the anonymous socket got nothing");
    }
  }

  // The bridge's error frame: "access_denied" from its permitted list, "rejected" from Verve's guard.
  private static void assertRefused(JsonObject frame) {
    assertNotNull(frame, "the bridge did not refuse");
    assertEquals("err", frame.getString("type"), frame.encode());
    assertTrue(List.of("access_denied", "rejected").contains(frame.getString("body")), frame.encode());
  }

  /** A raw bridge WebSocket, as the browser runtime opens it, with the cookie of a session or none. */
  static final class BridgeSocket implements AutoCloseable {
    final WebSocketClient client = server.vertx.createWebSocketClient();
    final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket socket;

    static BridgeSocket open(String cookie) {
      BridgeSocket bridge = new BridgeSocket();
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port)
        .setURI("/eventbus/websocket");
      if (cookie != null) options.addHeader("Cookie", cookie);
      bridge.socket = await(bridge.client.connect(options));
      bridge.socket.handler(buffer -> bridge.frames.add(buffer.toJsonObject()));
      return bridge;
    }

    /** Registers; the bridge's error frame if it refused, else null (it confirms nothing). */
    JsonObject register(String address) throws InterruptedException {
      await(socket.writeTextMessage(new JsonObject().put("type", "register").put("address", address).encode()));
      return frames.poll(300, TimeUnit.MILLISECONDS);
    }

    JsonObject next() throws InterruptedException {
      JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
      assertNotNull(frame, "no frame within 10 s");
      return frame;
    }

    @Override
    public void close() {
      await(client.close());
    }
  }

  @Test
  void aPageThatNeedsAUserSendsVisitorsToSignInAndRefusesOtherUsers() {
    HttpResponse<Buffer> anonymous = await(server.http.get("/todos?filter=open").send());
    assertEquals(303, anonymous.statusCode());
    assertEquals("/login?returnTo=%2Ftodos%3Ffilter%3Dopen", anonymous.getHeader("Location"));

    WebClientSession browser = server.browser();
    server.signUp(browser, newUser(), PASSWORD);
    assertEquals(200, await(browser.get("/todos").send()).statusCode());
    HttpResponse<Buffer> notAdmin = await(browser.get("/probe/admin").send());
    assertEquals(403, notAdmin.statusCode());
    assertTrue(notAdmin.bodyAsString().contains("this page needs the role admin"), notAdmin.bodyAsString());

    WebClientSession admin = server.browser();
    assertEquals(303, server.signIn(admin, "admin", ADMIN_PASSWORD).statusCode());
    assertEquals(200, await(admin.get("/probe/admin").send()).statusCode());
  }

  @Test
  void signingInGivesANewHttpOnlySameSiteSessionAndGoesBackToReturnTo() {
    String user = newUser();
    server.signUp(user, PASSWORD);
    HttpResponse<Buffer> answer = await(server.http.post("/login")
      .putHeader("Cookie", "verve.session=planted-by-an-attacker-0123456789")
      .sendForm(form(user, PASSWORD).add("returnTo", "/todos?x=1")));
    assertEquals(303, answer.statusCode(), answer.bodyAsString());
    assertEquals("/todos?x=1", answer.getHeader("Location"));
    String cookie = answer.cookies().stream().filter(c -> c.startsWith("verve.session=")).findFirst().orElseThrow();
    assertFalse(cookie.contains("planted-by-an-attacker"), cookie);
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
  }

  @Test
  void aSessionIdKnownBeforeSigningInIsWorthNothingAfter() {
    String user = newUser();
    WebClientSession browser = server.browser();
    server.signUp(browser, user, PASSWORD);
    String before = sessionCookie(browser);
    assertEquals(303, server.signIn(browser, user, PASSWORD).statusCode());
    String after = sessionCookie(browser);
    assertNotEquals(before, after);
    // The old id no longer names a signed-in session.
    HttpResponse<Buffer> replayed = await(server.http.post("/api/Todos/list").putHeader("Cookie", before)
      .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{}")));
    assertEquals(401, replayed.statusCode());
  }

  @Test
  void aReturnToOnAnotherSiteIsNeverFollowed() {
    String user = newUser();
    server.signUp(user, PASSWORD);
    for (String elsewhere : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "evil")) {
      HttpResponse<Buffer> answer = await(server.http.post("/login").sendForm(form(user, PASSWORD).add("returnTo", elsewhere)));
      assertEquals("/", answer.getHeader("Location"), elsewhere);
    }
  }

  @Test
  void aFailedSignInSaysWhyAndCreatesNoSession() {
    String user = newUser();
    server.signUp(user, PASSWORD);
    HttpResponse<Buffer> wrong = await(server.http.post("/login").sendForm(form(user, "not the password")));
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.bodyAsString().contains("Wrong username or password."), wrong.bodyAsString());
    assertTrue(wrong.cookies().isEmpty(), wrong.cookies().toString());
    HttpResponse<Buffer> unknown = await(server.http.post("/login").sendForm(form("nobody-" + user, PASSWORD)));
    assertEquals(401, unknown.statusCode());
  }

  @Test
  void tooManyFailedSignInsForOneUsernameAre429WithRetryAfterEvenWithTheRightPassword() {
    String user = newUser();
    server.signUp(user, PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, await(server.http.post("/login").sendForm(form(user, "guess " + i))).statusCode());
    }
    HttpResponse<Buffer> page = await(server.http.post("/login").sendForm(form(user, PASSWORD)));
    assertEquals(429, page.statusCode());
    long retryAfter = Long.parseLong(page.getHeader("Retry-After"));
    assertTrue(retryAfter > 0 && retryAfter <= 300, String.valueOf(retryAfter));
    HttpResponse<Buffer> token = server.postJson("/auth/token",
      new JsonObject().put("username", user.toUpperCase()).put("password", PASSWORD).encode());
    assertProblem(token, 429);
    assertNotNull(token.getHeader("Retry-After"));
  }

  @Test
  void signingOutEndsTheSession() {
    WebClientSession browser = server.browser();
    server.signUp(browser, newUser(), PASSWORD);
    assertEquals(200, post(browser, "/api/Todos/list", "{}").statusCode());
    HttpResponse<Buffer> out = await(browser.post("/logout").send());
    assertEquals(303, out.statusCode());
    assertEquals("/", out.getHeader("Location"));
    assertEquals(401, post(browser, "/api/Todos/list", "{}").statusCode());
  }

  @Test
  void nothingRidesACookieFromAnotherSite() {
    WebClientSession browser = server.browser();
    String user = newUser();
    server.signUp(browser, user, PASSWORD);
    HttpResponse<Buffer> foreignOrigin = await(browser.post("/api/Todos/add").putHeader("Origin", "http://evil.example")
      .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"title\": \"forged\"}")));
    assertProblem(foreignOrigin, 403);
    HttpResponse<Buffer> crossSite = await(browser.post("/api/Todos/add").putHeader("Sec-Fetch-Site", "cross-site")
      .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("{\"title\": \"forged\"}")));
    assertProblem(crossSite, 403);
    assertEquals(0, post(browser, "/api/Todos/list", "{}").bodyAsJsonArray().size());
    for (String path : List.of("/login", "/logout", "/signup", "/auth/token")) {
      HttpRequest<Buffer> request = browser.post(path).putHeader("Origin", "http://evil.example");
      assertEquals(403, await(request.sendForm(form(user, PASSWORD))).statusCode(), path);
      assertEquals(403, await(browser.post(path).putHeader("Sec-Fetch-Site", "cross-site")
        .sendForm(form(user, PASSWORD))).statusCode(), path);
    }
    assertEquals(200, post(browser, "/api/Todos/list", "{}").statusCode(), "still signed in");
  }

  @Test
  void pagesAndTheirStateKnowTheCallerButNoSecret() {
    String user = newUser();
    WebClientSession browser = server.browser();
    server.signUp(browser, user, PASSWORD);
    String html = await(browser.get("/").send()).bodyAsString();
    assertTrue(html.contains("Signed in as <strong>" + user + "</strong>"), html);
    JsonObject caller = PagesTest.state(html).getJsonObject("caller");
    assertEquals(new JsonObject().put("signedIn", true).put("name", user).put("roles", new JsonArray()), caller);
    String session = sessionCookie(browser).substring("verve.session=".length());
    for (String secret : List.of(session, "pbkdf2", PASSWORD, "password_hash")) {
      assertFalse(html.contains(secret), secret);
    }
    String anonymous = await(server.http.get("/").send()).bodyAsString();
    assertTrue(anonymous.contains("href=\"/login\"") && anonymous.contains("href=\"/signup\""), anonymous);
    assertEquals(false, PagesTest.state(anonymous).getJsonObject("caller").getBoolean("signedIn"));
  }

  @Test
  void tokensAreJwtsAndABadOneIs401WithAChallenge() {
    String user = newUser();
    server.signUp(user, PASSWORD);
    JsonObject issued = server.postJson("/auth/token",
      new JsonObject().put("username", user).put("password", PASSWORD).encode()).bodyAsJsonObject();
    assertEquals(3600, issued.getInteger("expiresIn"));
    assertEquals(3, issued.getString("token").split("\\.").length);
    HttpResponse<Buffer> bad = server.postJson("/api/Counter/getServerData", "{}", issued.getString("token") + "x");
    assertProblem(bad, 401);
    assertEquals("Bearer error=\"invalid_token\"", bad.getHeader("WWW-Authenticate"));
    assertProblem(server.postJson("/auth/token", "{\"username\": 1}"), 400);
    assertProblem(server.postJson("/auth/token",
      new JsonObject().put("username", user).put("password", "wrong").encode()), 401);
  }

  @Test
  void signUpChecksTheNameAndPasswordAndRefusesATakenNameWhateverItsCase() {
    String user = newUser();
    server.signUp(user, PASSWORD);
    HttpResponse<Buffer> shortName = await(server.http.post("/signup").sendForm(form("ab", PASSWORD)));
    assertEquals(400, shortName.statusCode());
    assertTrue(shortName.bodyAsString().contains("3 to 32 letters"), shortName.bodyAsString());
    HttpResponse<Buffer> shortPassword = await(server.http.post("/signup").sendForm(form(newUser(), "short")));
    assertEquals(400, shortPassword.statusCode());
    HttpResponse<Buffer> taken = await(server.http.post("/signup").sendForm(form(user.toUpperCase(), PASSWORD)));
    assertEquals(409, taken.statusCode());
    assertTrue(taken.bodyAsString().contains("is taken"), taken.bodyAsString());
    assertTrue(taken.cookies().isEmpty());
    assertNull(taken.getHeader("Location"));
    assertNotEquals(200, taken.statusCode());
  }

  static MultiMap form(String username, String password) {
    return MultiMap.caseInsensitiveMultiMap().add("username", username).add("password", password);
  }
}
