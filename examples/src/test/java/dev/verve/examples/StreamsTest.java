package dev.verve.examples;

import dev.verve.client.VerveClient;
import dev.verve.examples.ops.Metrics;
import dev.verve.examples.probe.Probe;
import dev.verve.examples.probe.ProbeImpl;
import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.StreamSocket;
import dev.verve.examples.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.serviceproxy.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stream functions over HTTP, the Java client and the event bus: the formats, failures before and after the
 * first item, back-pressure from a slow reader, a reader that leaves, limits, metrics and shutdown.
 */
@ExtendWith(NoBlockedThreads.class)
class StreamsTest {

  static final java.util.concurrent.atomic.AtomicInteger DATABASES = new java.util.concurrent.atomic.AtomicInteger();

  static final String ITEMS = "verve_stream_items_total";
  static final String COUNT_LABELS = "interface=\"Counter\",method=\"count\"";
  static final String OPEN = "verve_streams_open";

  TestServer server;

  @BeforeEach
  void start() {
    server = startServer(new JsonObject().put("api.streamKeepAlive", 300));
  }

  /** The functions served by the instance that answers HTTP: streams read in process. */
  TestServer startServer(JsonObject config) {
    return TestServer.start(ProbeVerticle::new, config);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<Buffer> post(String path, String json, String accept) {
    var request = server.request(HttpMethod.POST, path).putHeader("Content-Type", "application/json");
    if (accept != null) request.putHeader("Accept", accept);
    return await(request.sendBuffer(Buffer.buffer(json)));
  }

  @Test
  void theReadmeCurlPrintsOneEventPerItemThenEnd() {
    HttpResponse<Buffer> answer = post("/api/Counter/count", "{\"to\":5}", "*/*");
    assertEquals(200, answer.statusCode());
    assertEquals("text/event-stream; charset=utf-8", answer.getHeader("Content-Type"));
    assertEquals("no-store", answer.getHeader("Cache-Control"));
    assertEquals("data: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\ndata: 5\n\nevent: end\ndata: null\n\n", answer.bodyAsString());
    assertEquals(5.0, Metrics.value(Metrics.scrape(server), ITEMS, COUNT_LABELS));
  }

  @Test
  void ndjsonIsOneValuePerLine() {
    HttpResponse<Buffer> answer = post("/api/Counter/count", "{\"to\":5}", "application/x-ndjson");
    assertEquals(200, answer.statusCode());
    assertEquals("application/x-ndjson", answer.getHeader("Content-Type"));
    assertEquals("1\n2\n3\n4\n5\n", answer.bodyAsString());
  }

  @Test
  void dataObjectsGoAsTheirJson() {
    HttpResponse<Buffer> answer = post("/api/Probe/todosThenFail", "{\"items\":2,\"code\":0}", "application/x-ndjson");
    assertEquals("{\"id\":1,\"title\":\"#1\",\"done\":false}\n{\"id\":2,\"title\":\"#2\",\"done\":true}\n", answer.bodyAsString());
  }

  @Test
  void whatIsKnownBeforeTheFirstItemAnswersLikeACall() {
    String user = server.signUp("grace", "correct horse battery");
    for (String accept : new String[]{"text/event-stream", "application/x-ndjson"}) {
      HttpResponse<Buffer> outOfRange = post("/api/Counter/count", "{\"to\":0}", accept);
      assertEquals(400, outOfRange.statusCode());
      assertEquals("application/problem+json", outOfRange.getHeader("Content-Type"));
      assertEquals("to", outOfRange.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("argument"));
      assertEquals(400, post("/api/Counter/count", "{\"to\":10000001}", accept).statusCode());
      assertEquals(400, post("/api/Counter/count", "{\"to\":\"five\"}", accept).statusCode());
      assertEquals(400, post("/api/Counter/count", "{}", accept).statusCode());

      HttpResponse<Buffer> notAdmin = await(server.request(HttpMethod.POST, "/api/Probe/adminOnly")
        .putHeader("Content-Type", "application/json").putHeader("Accept", accept)
        .putHeader("Authorization", "Bearer " + user).sendBuffer(Buffer.buffer("{}")));
      assertEquals(403, notAdmin.statusCode());
      assertEquals("application/problem+json", notAdmin.getHeader("Content-Type"));
      assertFalse(notAdmin.bodyAsString().contains("secret"));

      HttpResponse<Buffer> anonymous = post("/api/Todos/changes", "{}", accept);
      assertEquals(401, anonymous.statusCode());
      assertEquals("Bearer", anonymous.getHeader("WWW-Authenticate"));
      assertEquals("application/problem+json", anonymous.getHeader("Content-Type"));
    }
  }

  @Test
  void aFailureAfterTheFirstItemIsAProblemEventWithoutEnd() {
    String body = post("/api/Probe/todosThenFail", "{\"items\":3,\"code\":409}", null).bodyAsString();
    assertTrue(body.startsWith("data: {\"id\":1,"), body);
    assertEquals(3, body.split("data: \\{\"id\"", -1).length - 1, body);
    assertTrue(body.contains("event: problem\ndata: {"), body);
    JsonObject problem = new JsonObject(body.substring(body.indexOf("event: problem\ndata: ") + 21).trim());
    assertEquals(409, problem.getInteger("status"));
    assertEquals("Refused after 3 items", problem.getString("detail"));
    assertFalse(body.contains("event: end"), body);

    String crashed = post("/api/Probe/todosThenFail", "{\"items\":1,\"code\":1}", null).bodyAsString();
    assertTrue(crashed.contains("event: problem"), crashed);
    assertTrue(crashed.contains("\"status\":500"), crashed);
    assertFalse(crashed.contains("hunter2"), "the function's secret reached the client: " + crashed);
  }

  @Test
  void anNdjsonFailureAfterTheFirstItemCutsTheAnswerShort() throws Exception {
    try (StreamSocket socket = StreamSocket.post(server.port, "/api/Probe/todosThenFail", "{\"items\":3,\"code\":409}",
      "Accept: application/x-ndjson\r\n", 0)) {
      String text = socket.readToEnd(5000);
      assertTrue(socket.ended(), "the connection stays open: " + text);
      assertTrue(text.contains("{\"id\":3,"), text);
      assertFalse(text.endsWith("0\r\n\r\n"), "the answer ended as if complete: " + text);
    }
  }

  @Test
  void aSlowReaderPausesTheSource() throws Exception {
    int to = 2_000_000;
    try (StreamSocket socket = StreamSocket.post(server.port, "/api/Counter/count", "{\"to\":" + to + "}",
      "Accept: application/x-ndjson\r\n", 8192)) {
      socket.readUntil("\n1\n", 5000);
      Thread.sleep(1500);
      double sent = Metrics.value(Metrics.scrape(server), ITEMS, COUNT_LABELS);
      Thread.sleep(500);
      double later = Metrics.value(Metrics.scrape(server), ITEMS, COUNT_LABELS);
      // Unread, the answer stops where the sockets' buffers are full: the source is paused, not buffered.
      assertEquals(sent, later, "items kept coming while nobody read");
      assertTrue(sent < to / 2.0, sent + " of " + to + " items were sent to a reader that read none");
      String all = socket.readUntil("\n" + to + "\n", 30_000);
      assertTrue(all.contains("\n" + (to - 1) + "\n" + to + "\n"), "the stream did not get to its end");
    }
  }

  @Test
  void aReaderThatLeavesStopsTheSourceWithinASecond() throws Exception {
    try (StreamSocket socket = StreamSocket.post(server.port, "/api/Counter/count", "{\"to\":10000000}", "", 0)) {
      socket.readUntil("data: 1000\n", 5000);
      assertEquals(1.0, Metrics.value(Metrics.scrape(server), OPEN, ""));
    }
    awaitOpenStreams(0, 1000);
    double sent = Metrics.value(Metrics.scrape(server), ITEMS, COUNT_LABELS);
    Thread.sleep(300);
    assertEquals(sent, Metrics.value(Metrics.scrape(server), ITEMS, COUNT_LABELS), "the source kept going");
    assertTrue(sent < 10_000_000, "it ran to the end");

    try (StreamSocket socket = StreamSocket.post(server.port, "/api/Probe/quiet", "{}", "", 0)) {
      String text = socket.readUntil(": keep-alive\n\n", 3000);
      assertTrue(text.contains(": keep-alive\n\n"), "no comment line on an idle stream: " + text);
      assertEquals(1, ProbeImpl.quietOpen.get());
    }
    long deadline = System.currentTimeMillis() + 1000;
    while (ProbeImpl.quietOpen.get() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
    assertEquals(0, ProbeImpl.quietOpen.get(), "the source was not closed within a second of its reader leaving");
  }

  @Test
  void theJavaClientReadsItemsAndFailures() {
    VerveClient client = VerveClient.create(server.vertx, "http://127.0.0.1:" + server.port);
    Counter counter = client.of(Counter.class);
    assertEquals(IntStream.rangeClosed(1, 1000).boxed().collect(Collectors.toList()), collect(counter.count(1000)));

    ServiceException refused = failure(counter.count(0));
    assertEquals(400, refused.failureCode());

    Probe probe = client.of(Probe.class);
    List<Todo> todos = collect(probe.todosThenFail(3, 0));
    assertEquals(List.of("#1 [ ] #1", "#2 [x] #2", "#3 [ ] #3"), todos.stream().map(Object::toString).collect(Collectors.toList()));

    List<Todo> before = new ArrayList<>();
    Throwable after = failureAfter(probe.todosThenFail(2, 409), before);
    assertEquals(2, before.size());
    assertInstanceOf(ServiceException.class, after);
    assertEquals(409, ((ServiceException) after).failureCode());
    await(client.close());
  }

  @Test
  void theJavaClientsPauseReachesTheServerAndDroppingItsHandlerStopsIt() throws Exception {
    int to = Counter.MAX_COUNT;
    VerveClient client = VerveClient.create(server.vertx, "http://127.0.0.1:" + server.port);
    ReadStream<Integer> stream = await(client.of(Counter.class).count(to));
    AtomicInteger last = new AtomicInteger();
    stream.handler(n -> {
      last.set(n);
      if (n == 1) stream.pause();
    });
    Thread.sleep(1500);
    double sent = Metrics.value(Metrics.scrape(server), ITEMS, COUNT_LABELS);
    Thread.sleep(500);
    // Paused, the client stops reading; TCP's buffers fill and the server's source stops with them.
    assertEquals(sent, Metrics.value(Metrics.scrape(server), ITEMS, COUNT_LABELS), "items kept coming to a paused client");
    assertTrue(sent < to, "all of it was sent");
    assertEquals(1, last.get());

    stream.resume();
    long deadline = System.currentTimeMillis() + 10_000;
    while (last.get() < 200_000 && System.currentTimeMillis() < deadline) Thread.sleep(10);
    assertTrue(last.get() >= 200_000, "resumed, the items did not come: " + last.get());
    stream.handler(null);
    awaitOpenStreams(0, 1000);
    await(client.close());
  }

  @Test
  void theEventBusProxyStreamsToo() {
    Counter counter = new CounterVerveProxy(server.vertx, dev.verve.fn.ServiceDescriptor.of(Counter.class).address(), null);
    assertEquals(IntStream.rangeClosed(1, 5000).boxed().collect(Collectors.toList()), collect(counter.count(5000)));
    assertEquals(400, failure(counter.count(-1)).failureCode());
  }

  @Test
  void moreStreamsThanTheLimitGet503() throws Exception {
    server.close();
    server = startServer(new JsonObject().put("api.maxStreams", 1));
    try (StreamSocket first = StreamSocket.post(server.port, "/api/Probe/quiet", "{}", "", 0)) {
      first.readUntil("200 OK", 3000);
      HttpResponse<Buffer> second = post("/api/Probe/quiet", "{}", null);
      assertEquals(503, second.statusCode());
      assertEquals("1", second.getHeader("Retry-After"));
      // Calls are not streams: they still pass.
      assertEquals(200, post("/api/Counter/getServerData", "{}", null).statusCode());
    }
    awaitOpenStreams(0, 1000);
    assertEquals(200, post("/api/Counter/count", "{\"to\":1}", null).statusCode());
  }

  @Test
  void aGracefulStopEndsOpenStreamsWithAProblem() throws Exception {
    try (StreamSocket socket = StreamSocket.post(server.port, "/api/Probe/quiet", "{}", "", 0)) {
      socket.readUntil("200 OK", 3000);
      await(server.undeploy());
      String text = socket.readUntil("0\r\n\r\n", 3000);
      assertTrue(text.contains("event: problem\ndata: {"), text);
      assertTrue(text.contains("\"status\":503"), text);
      assertTrue(text.endsWith("0\r\n\r\n"), "not a complete answer: " + text);
    }
  }

  @Test
  void aUsersTodoChangesReachTheirStreamOnly() throws Exception {
    String ada = server.signUp("ada", "correct horse battery");
    String bob = server.signUp("bob", "correct horse battery");
    try (StreamSocket changes = StreamSocket.post(server.port, "/api/Todos/changes", "{}", "Authorization: Bearer " + ada + "\r\n", 0)) {
      changes.readUntil("200 OK", 3000);
      awaitOpenStreams(1, 1000);
      Thread.sleep(100); // the consumer of the changes is registered once the stream flows
      assertEquals(200, server.postJson("/api/Todos/add", "{\"title\":\"bob's\"}", bob).statusCode());
      assertEquals(200, server.postJson("/api/Todos/add", "{\"title\":\"milk\"}", ada).statusCode());
      int id = server.postJson("/api/Todos/list", "{}", ada).bodyAsJsonArray().getJsonObject(0).getInteger("id");
      assertEquals(200, server.postJson("/api/Todos/toggle", "{\"id\":" + id + "}", ada).statusCode());
      assertEquals(204, server.postJson("/api/Todos/remove", "{\"id\":" + id + "}", ada).statusCode());
      String text = changes.readUntil("data: {\"remove\":" + id + "}", 3000);
      assertTrue(text.contains("data: {\"upsert\":{\"id\":" + id + ",\"title\":\"milk\",\"done\":false}}"), text);
      assertTrue(text.contains("data: {\"upsert\":{\"id\":" + id + ",\"title\":\"milk\",\"done\":true}}"), text);
      assertTrue(text.contains("data: {\"remove\":" + id + "}"), text);
      assertFalse(text.contains("bob's"), "another user's change reached ada: " + text);
    }
  }

  void awaitOpenStreams(int expected, long withinMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + withinMs;
    double open;
    while ((open = Metrics.value(Metrics.scrape(server), OPEN, "")) != expected && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(expected, open, "open streams");
  }

  static <T> List<T> collect(Future<ReadStream<T>> opened) {
    ReadStream<T> stream = await(opened);
    List<T> items = new ArrayList<>();
    Promise<Void> ended = Promise.promise();
    stream.exceptionHandler(ended::tryFail).endHandler(v -> ended.tryComplete());
    stream.handler(items::add);
    await(ended.future());
    return items;
  }

  static <T> Throwable failureAfter(Future<ReadStream<T>> opened, List<T> items) {
    ReadStream<T> stream = await(opened);
    Promise<Void> ended = Promise.promise();
    stream.exceptionHandler(ended::tryFail).endHandler(v -> ended.tryComplete());
    stream.handler(items::add);
    Throwable e = assertThrows(Throwable.class, () -> await(ended.future()));
    return e instanceof CompletionException ? e.getCause() : e;
  }

  static ServiceException failure(Future<?> future) {
    Throwable e = assertThrows(Throwable.class, () -> await(future));
    Throwable cause = e instanceof CompletionException ? e.getCause() : e;
    assertInstanceOf(ServiceException.class, cause, String.valueOf(cause));
    return (ServiceException) cause;
  }
}
