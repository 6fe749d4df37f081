package dev.verve.codegen;

import dev.verve.client.VerveClient;
import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.verve.codegen.ValidFixture.color;
import static dev.verve.codegen.ValidFixture.invoke;
import static dev.verve.codegen.ValidFixture.todo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code <Interface>VerveHttpClient} over a recording {@link VerveClient}: it must send the JSON object
 * the event-bus proxy would send and decode results back to the declared types.
 */
class HttpClientGenTest {

  RecordingClient client;
  Object counter;

  @BeforeEach
  void createClient() throws Exception {
    client = new RecordingClient();
    counter = ValidFixture.load("CounterVerveHttpClient").getConstructor(VerveClient.class).newInstance(client);
  }

  @Test
  void basicArgumentAndResult() throws Exception {
    client.result = 42;
    assertEquals(42, invoke(counter, "doubleServer", 21));
    assertEquals("Counter", client.service);
    assertEquals("doubleServer", client.method);
    assertEquals(new JsonObject().put("number", 21), client.args);
  }

  @Test
  void noArgumentsSendAnEmptyObject() throws Exception {
    client.result = "Hello from the server!";
    assertEquals("Hello from the server!", invoke(counter, "getServerData"));
    assertEquals(new JsonObject(), client.args);
  }

  @Test
  void dataObjectGoesAsJsonAndNullStaysNull() throws Exception {
    client.result = new JsonObject().put("title", "milk").put("done", true);
    Object todo = invoke(counter, "add", todo("milk"), null);
    assertEquals("milk", todo.getClass().getMethod("getTitle").invoke(todo));
    assertEquals(new JsonObject().put("todo", new JsonObject().put("title", "milk").put("done", false)).put("note", null), client.args);
  }

  @Test
  void enumListAndSetArguments() throws Exception {
    client.result = new JsonArray().add(new JsonObject().put("title", "a"));
    List<?> found = (List<?>) invoke(counter, "find", color("RED"), List.of("x"), Set.of(7L));
    assertEquals(1, found.size());
    assertEquals(new JsonObject().put("color", "RED").put("tags", new JsonArray().add("x")).put("ids", new JsonArray().add(7L)),
      client.args);
  }

  @Test
  void mapsOfDataObjects() throws Exception {
    client.result = new JsonObject().put("a", new JsonObject().put("title", "a"));
    Map<?, ?> index = (Map<?, ?>) invoke(counter, "index", Map.of("k", todo("k")));
    assertEquals(Set.of("a"), index.keySet());
    assertEquals(new JsonObject().put("byId", new JsonObject().put("k", new JsonObject().put("title", "k").put("done", false))),
      client.args);
  }

  @Test
  void parametersNamedLikeTheClientsOwnVariables() throws Exception {
    client.result = "GREEN";
    assertEquals(color("GREEN"), invoke(counter, "delete", "f", 3));
    assertEquals(new JsonObject().put("function", "f").put("args", 3), client.args);

    client.result = new JsonArray().add(1).add(2);
    assertEquals(Set.of(1, 2), invoke(counter, "sizes", Set.of("ab"), "c"));
    assertEquals(new JsonObject().put("v", new JsonArray().add("ab")).put("client", "c"), client.args);
  }

  @Test
  void voidResult() throws Exception {
    assertNull(invoke(counter, "reset"));
  }

  @Test
  void ignoredMethodIsUnsupported() throws Exception {
    Method ping = counter.getClass().getMethod("ping");
    Throwable thrown = assertThrows(InvocationTargetException.class, () -> ping.invoke(counter));
    assertInstanceOf(UnsupportedOperationException.class, thrown.getCause());
  }

  @Test
  void streamFunctionSendsItsArgumentsAndDecodesEachItem() throws Exception {
    counter.getClass().getMethod("count", int.class).invoke(counter, 3);
    assertEquals("Counter", client.service);
    assertEquals("count", client.method);
    assertEquals(new JsonObject().put("to", 3), client.args);
    assertEquals(5, client.decoder.apply(5));

    Method watch = counter.getClass().getMethod("watch", ValidFixture.load("Color"), String.class);
    watch.invoke(counter, color("RED"), null);
    assertEquals("watch", client.method);
    assertEquals(new JsonObject().put("color", "RED").put("prefix", null), client.args);
    Object todo = client.decoder.apply(new JsonObject().put("title", "milk"));
    assertEquals("milk", todo.getClass().getMethod("getTitle").invoke(todo));
  }

  @Test
  void streamFunctionReturnsTheDeclaredType() throws Exception {
    Method count = ValidFixture.load("CounterVerveHttpClient").getMethod("count", int.class);
    assertEquals("io.vertx.core.Future<io.vertx.core.streams.ReadStream<java.lang.Integer>>",
      count.getGenericReturnType().getTypeName());
    String source = ValidFixture.compilation().source("fixture/valid/CounterVerveHttpClient.java");
    assertTrue(source.contains("  @Override\n"
      + "  public Future<ReadStream<Integer>> count(int to) {\n"
      + "    JsonObject args = new JsonObject()\n"
      + "      .put(\"to\", to);\n"
      + "    return client.stream(\"Counter\", \"count\", args, JsonResults::toInteger);\n"
      + "  }\n"), source);
  }

  @Test
  void generatedSuffixesMatchCore() {
    assertEquals(ServiceDescriptor.GENERATED_SUFFIX, DescriptorGen.SUFFIX);
    assertEquals(VerveClient.GENERATED_SUFFIX, HttpClientGen.SUFFIX);
    assertEquals(ServiceDescriptor.PROXY_SUFFIX, VerveProxyGen.SUFFIX);
  }

  /** Records the last call and answers with a canned decoded JSON value. */
  static final class RecordingClient implements VerveClient {
    Object result;
    String service;
    String method;
    JsonObject args;
    Function<Object, ?> decoder;

    @Override
    public <T> T of(Class<T> iface) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Object> call(String service, String method, JsonObject args) {
      this.service = service;
      this.method = method;
      this.args = args;
      return Future.succeededFuture(result);
    }

    /** Records the call like {@link #call}; the future fails, the test looks at what was sent. */
    @Override
    public <T> Future<ReadStream<T>> stream(String service, String method, JsonObject args, Function<Object, T> decoder) {
      this.service = service;
      this.method = method;
      this.args = args;
      this.decoder = decoder;
      return Future.failedFuture("recorded");
    }

    @Override
    public Future<Void> signIn(String username, String password) {
      throw new UnsupportedOperationException();
    }

    @Override
    public VerveClient token(String token) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
