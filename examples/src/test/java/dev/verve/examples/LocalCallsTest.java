package dev.verve.examples;

import dev.verve.auth.Caller;
import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.probe.Who;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.fn.impl.LocalFunctions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An HTTP call to a function that the serving verticle registered itself runs in-process, on the event loop
 * it arrived on, without a message on the event bus; its answers are those of the event-bus path, and the
 * access rule is still checked where the function runs.
 */
@ExtendWith(NoBlockedThreads.class)
class LocalCallsTest {

  static TestServer server;
  // Addresses of every message sent on the server's event bus.
  static final List<String> sent = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(ProbeVerticle::new, new JsonObject().put("api.timeout", 500));
    server.vertx.eventBus().addOutboundInterceptor(delivery -> {
      sent.add(delivery.message().address());
      delivery.next();
    });
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void forget() {
    sent.clear();
  }

  private static List<String> functionMessages() {
    return sent.stream().filter(a -> a.startsWith("verve.test.probe") || a.contains(".Who"))
      .collect(Collectors.toList());
  }

  @Test
  void anHttpCallSkipsTheEventBusAndAnswersAsBefore() {
    HttpResponse<Buffer> echo = server.postJson("/api/Probe/echo", "{\"text\": \"hi <&>\"}");
    assertEquals(200, echo.statusCode());
    assertEquals("application/json", echo.getHeader("Content-Type"));
    assertEquals("\"hi <&>\"", echo.bodyAsString());
    assertEquals(204, server.postJson("/api/Probe/nothing", "{}").statusCode());
    HttpResponse<Buffer> refused = server.postJson("/api/Probe/failWith", "{\"code\": 409, \"message\": \"taken\"}");
    assertEquals(409, refused.statusCode());
    assertEquals("taken", refused.bodyAsJsonObject().getString("detail"));
    HttpResponse<Buffer> crashed = server.postJson("/api/Probe/crash", "{\"secret\": \"hunter2\"}");
    assertEquals(500, crashed.statusCode());
    assertFalse(crashed.bodyAsString().contains("hunter2"));
    assertEquals(List.of(), functionMessages());
  }

  @Test
  void aPageCallingALocalFunctionThroughItsProxyRunsItInProcessWithTheSameAnswers() {
    HttpResponse<Buffer> page = await(server.request(HttpMethod.GET, "/probe/echo?text=hi%20%3C%26%3E").send());
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("hi &lt;&amp;&gt;"), page.bodyAsString());
    // The function's failure, its crash and its timeout reach the page as they did over the bus.
    assertEquals(404, await(server.request(HttpMethod.GET, "/probe/missing").send()).statusCode());
    HttpResponse<Buffer> crashed = await(server.request(HttpMethod.GET, "/probe/crash").send());
    assertEquals(500, crashed.statusCode());
    assertFalse(crashed.bodyAsString().contains("hunter2"));
    assertEquals(504, await(server.request(HttpMethod.GET, "/probe/slow").send()).statusCode());
    assertEquals(List.of(), functionMessages());
  }

  @Test
  void aPagesInProcessCallActsForThePagesCaller() {
    String token = server.signUp("page-caller", "correct horse battery");
    HttpResponse<Buffer> page = await(server.request(HttpMethod.GET, "/probe/who")
      .putHeader("Authorization", "Bearer " + token).send());
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("page-caller"), page.bodyAsString());
    assertEquals(List.of(), functionMessages());
  }

  @Test
  void aReplyFromAnotherThreadIsAnswered() {
    for (int i = 0; i < 20; i++) {
      HttpResponse<Buffer> response = server.postJson("/api/Probe/echoFromAnotherThread", "{\"text\": \"call " + i + "\"}");
      assertEquals(200, response.statusCode());
      assertEquals("\"call " + i + " from probe-thread\"", response.bodyAsString());
    }
    assertEquals(List.of(), functionMessages());
  }

  @Test
  void noAnswerWithinTheTimeoutIs504() {
    long start = System.nanoTime();
    HttpResponse<Buffer> response = server.postJson("/api/Probe/hang", "{}");
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertEquals(504, response.statusCode());
    assertTrue(response.bodyAsJsonObject().getString("detail").contains("did not answer within 500 ms"));
    // api.timeout, checked every eighth of it.
    assertTrue(tookMs >= 500 && tookMs < 2000, "answered after " + tookMs + " ms");
    assertEquals(List.of(), functionMessages());
  }

  @Test
  void theFunctionSeesItsCaller() {
    String token = server.signUp("local-caller", "correct horse battery");
    JsonObject me = server.postJson("/api/Who/me", "{}", token).bodyAsJsonObject();
    assertEquals("local-caller", me.getString("name"));
    assertEquals("local-caller", server.postJson("/api/Who/afterAwaits", "{}", token).bodyAsJson(String.class));
    assertEquals(List.of(), functionMessages());
  }

  @Test
  void theAccessRuleIsCheckedWhereTheFunctionRunsAndOnlyOnItsEventLoop() {
    Vertx vertx = server.vertx;
    ServiceDescriptor who = ServiceDescriptor.of(Who.class);
    AtomicBoolean ran = new AtomicBoolean();
    LocalFunctions functions = new LocalFunctions(1000);
    Promise<Future<Message<Object>>> called = Promise.promise();
    Context loop = vertx.getOrCreateContext();
    loop.runOnContext(v -> {
      functions.add(vertx, who, Who.class, new NeverRuns(ran));
      called.complete(functions.call(who, who.method("never"), new JsonObject(), Caller.ANONYMOUS));
    });
    Future<Message<Object>> never = await(called.future());
    Throwable refused = assertThrowsOn(never);
    assertInstanceOf(ServiceException.class, refused);
    assertEquals(403, ((ServiceException) refused).failureCode());
    assertFalse(ran.get(), "the implementation ran");
    // Allowed (anyone may call Who.me), from the event loop's own context rather than a request's.
    Promise<Future<Message<Object>>> allowed = Promise.promise();
    loop.runOnContext(v ->
      allowed.complete(functions.call(who, who.method("me"), new JsonObject(), Caller.ANONYMOUS)));
    Throwable failed = assertThrowsOn(await(allowed.future()));
    assertEquals("ran", failed.getMessage());
    assertTrue(ran.get(), "the implementation did not run");
    // Off its event loop (here: the test's thread) there is no in-process call: the event bus takes it.
    assertNull(functions.call(who, who.method("me"), new JsonObject(), Caller.ANONYMOUS));
    functions.close();
  }

  private static Throwable assertThrowsOn(Future<?> future) {
    try {
      await(future);
    } catch (RuntimeException e) {
      return e.getCause() != null ? e.getCause() : e;
    }
    throw new AssertionError("the call was not refused");
  }

  private static final class NeverRuns implements Who {
    private final AtomicBoolean ran;

    NeverRuns(AtomicBoolean ran) {
      this.ran = ran;
    }

    private <T> Future<T> ran() {
      ran.set(true);
      return Future.failedFuture("ran");
    }

    @Override
    public Future<JsonObject> me() {
      return ran();
    }

    @Override
    public Future<String> afterAwaits() {
      return ran();
    }

    @Override
    public Future<Integer> myTodoCount() {
      return ran();
    }

    @Override
    public Future<Void> never() {
      return ran();
    }
  }
}
