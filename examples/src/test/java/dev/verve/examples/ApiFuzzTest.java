package dev.verve.examples;

import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.StreamSocket;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static dev.verve.examples.support.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzing from the description: every operation of the demo's served {@code /api/openapi.json} gets
 * generated bodies (valid ones from its schemas, and wrong types, missing, extra and null arguments, huge
 * and deeply nested values, unicode, non-objects, malformed JSON, a wrong content type, a body over the
 * limit), mostly as a signed-in user (bearer) so that calls reach the validators, sometimes anonymously.
 * Every answer must be a status the operation documents, never a 5xx; a 4xx is problem details; a result
 * matches the documented schema; and what must be refused is refused with the right status. The counts go
 * to {@code target/api-fuzz-report.txt}.
 */
class ApiFuzzTest {

  private static final int TRIES = 400;
  private static final long BODY_LIMIT = 1024 * 1024;

  private static TestServer server;
  private static String token;
  private static JsonObject document;
  private static List<Operation> operations;
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final Map<Integer, AtomicInteger> STATUSES = new TreeMap<>();
  private static final Map<String, AtomicInteger> KINDS = new TreeMap<>();
  private static final Map<String, AtomicInteger> OPERATIONS = new TreeMap<>();

  /** One documented operation: its path and its {@code post} object. */
  record Operation(String path, JsonObject post) {
    Set<String> statuses() { return post.getJsonObject("responses").fieldNames(); }

    JsonObject arguments() {
      JsonObject body = post.getJsonObject("requestBody");
      return body == null ? new JsonObject().put("type", "object").put("properties", new JsonObject())
        : body.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
    }

    List<String> params() { return List.copyOf(arguments().getJsonObject("properties").fieldNames()); }

    List<String> required() {
      JsonArray required = arguments().getJsonArray("required");
      return required == null ? List.of() : required.stream().map(String::valueOf).collect(Collectors.toList());
    }

    String rule() { return post.getJsonObject("x-verve-access").getString("rule"); }

    /** A stream function: its 200 is an event stream, read here no further than its status. */
    boolean isStream() {
      JsonObject ok = post.getJsonObject("responses").getJsonObject("200");
      return ok != null && ok.getJsonObject("content", new JsonObject()).containsKey("text/event-stream");
    }

    @Override
    public String toString() { return path; }
  }

  /** What is sent: the kind of input, the raw body, its content type, and whether the caller is signed in. */
  record Call(Operation operation, String kind, String body, String contentType, boolean signedIn) {
    @Override
    public String toString() {
      String shown = body.length() > 300 ? body.substring(0, 300) + "... (" + body.length() + " chars)" : body;
      return kind + " " + operation + (signedIn ? " as a user" : " anonymously") + " [" + contentType + "] " + shown;
    }
  }

  @BeforeContainer
  static void start() {
    server = TestServer.start(DemoVerticle::new, new JsonObject());
    token = server.signUp("fuzzer", "correct horse battery");
    HttpResponse<Buffer> answer = await(server.request(HttpMethod.GET, "/api/openapi.json").send());
    assertEquals(200, answer.statusCode());
    document = answer.bodyAsJsonObject();
    operations = new ArrayList<>();
    document.getJsonObject("paths").forEach(p -> operations.add(new Operation(p.getKey(), ((JsonObject) p.getValue()).getJsonObject("post"))));
    assertEquals(15, operations.size(), "the demo's functions");
    // A few todos of this user, so that valid ids are found as well as missed.
    for (int i = 0; i < 3; i++) assertEquals(200, server.postJson("/api/Todos/add", "{\"title\":\"seed " + i + "\"}", token).statusCode());
    NoBlockedThreads.clear();
  }

  @AfterContainer
  static void stop() throws Exception {
    String report = "requests: " + REQUESTS + "\nstatuses: " + STATUSES + "\nkinds: " + KINDS
      + "\noperations: " + OPERATIONS + "\n";
    System.out.println("ApiFuzzTest\n" + report);
    Files.writeString(Path.of("target", "api-fuzz-report.txt"), report);
    if (server != null) server.close();
    assertTrue(NoBlockedThreads.warnings().isEmpty(), () -> "A thread was blocked: " + NoBlockedThreads.warnings());
  }

  // No edge-case mixing: it would mostly pick the first operation; the extremes are generated explicitly.
  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void everyAnswerIsDocumentedAndNoInputIsA5xx(@ForAll("calls") Call call) throws java.io.IOException {
    int status;
    String body;
    String contentType;
    if (call.operation().isStream() && !call.kind().equals("tooLarge")) {
      // (A body over the limit is answered 413 before it is sent whole; WebClient's sending copes with that.)
      // Some streams never end (Todos.changes, Nodes.watch): the status and headers, then the connection goes.
      String headers = call.signedIn() ? "Authorization: Bearer " + token + "\r\n" : "";
      String[] answer;
      try (StreamSocket socket = StreamSocket.post(server.port, "/api" + call.operation().path().substring(4), call.body(),
        call.contentType(), headers, 0)) {
        answer = socket.readAnswer(10_000); // closed then: the server sees its client go
      }
      status = Integer.parseInt(answer[0]);
      contentType = answer[1];
      body = answer[2];
    } else {
      HttpRequest<Buffer> request = server.request(HttpMethod.POST, "/api" + call.operation().path().substring(4));
      if (call.contentType() != null) request.putHeader("Content-Type", call.contentType());
      if (call.signedIn()) request.putHeader("Authorization", "Bearer " + token);
      HttpResponse<Buffer> answer = await(request.sendBuffer(Buffer.buffer(call.body())));
      status = answer.statusCode();
      contentType = answer.getHeader("Content-Type");
      body = answer.bodyAsString();
    }
    REQUESTS.incrementAndGet();
    synchronized (STATUSES) {
      STATUSES.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      KINDS.computeIfAbsent(call.kind(), s -> new AtomicInteger()).incrementAndGet();
      OPERATIONS.computeIfAbsent(call.operation().path(), s -> new AtomicInteger()).incrementAndGet();
    }
    Statistics.label("status").collect(status);

    assertTrue(status < 500, () -> "a 5xx: " + status + " " + body);
    assertTrue(call.operation().statuses().contains(String.valueOf(status)),
      () -> status + " is not documented for " + call.operation() + ": " + body);
    if (status >= 400) {
      assertEquals("application/problem+json", contentType, body);
      JsonObject problem = new JsonObject(body);
      assertEquals(status, problem.getInteger("status"));
      assertTrue(problem.getValue("detail") instanceof String, body);
      assertFalse(body.contains("Exception") || body.contains("\tat "), body);
    } else if (status == 200 && call.operation().isStream()) {
      assertEquals("text/event-stream; charset=utf-8", contentType);
    } else if (status == 200) {
      JsonObject schema = call.operation().post().getJsonObject("responses").getJsonObject("200")
        .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
      assertTrue(matches(schema, Json.decodeValue(body)), () -> body + " does not match " + schema);
    } else if (status == 204) {
      assertTrue(body == null || body.isEmpty());
    }
    int expected = expected(call);
    if (expected != 0) {
      assertEquals(expected, status, () -> "body: " + body);
    }
  }

  /** The status a call must get, when the input decides it; 0 when the function decides (valid input). */
  private static int expected(Call call) {
    String rule = call.operation().rule();
    if (!call.signedIn() && !rule.equals("AnonymousAllowed")) return 401;
    if (rule.equals("RolesAllowed") || rule.equals("DenyAll")) return 403; // the fuzzer is no admin
    switch (call.kind()) {
      case "tooLarge": return 413;
      case "contentType": return 415;
      case "valid":
      case "unicode":
      case "huge":
      case "deep":
        return 0;
      default: return 400;
    }
  }

  @Provide
  Arbitrary<Call> calls() {
    // Operations with arguments have more to get wrong; doubleServer's second of work keeps its share small.
    List<Tuple.Tuple2<Integer, Operation>> weighted = new ArrayList<>();
    for (Operation op : operations) {
      weighted.add(Tuple.of(op.params().isEmpty() ? 1 : op.path().endsWith("/doubleServer") ? 2 : 4, op));
    }
    return Arbitraries.frequency(weighted).flatMap(op -> Combinators.combine(
      Arbitraries.frequencyOf(
        Tuple.of(6, valid(op).map(b -> Tuple.of("valid", b))),
        Tuple.of(3, unicode(op).map(b -> Tuple.of("unicode", b))),
        Tuple.of(3, wrongType(op)),
        Tuple.of(2, missing(op)),
        Tuple.of(2, extra(op).map(b -> Tuple.of("extra", b))),
        Tuple.of(2, huge(op)),
        Tuple.of(2, deep(op)),
        Tuple.of(2, nonObject().map(b -> Tuple.of("nonObject", b))),
        Tuple.of(2, malformed().map(b -> Tuple.of("malformed", b))),
        Tuple.of(1, Arbitraries.just(Tuple.of("contentType", "{}"))),
        Tuple.of(1, Arbitraries.just(Tuple.of("tooLarge", "{\"x\":\"" + "a".repeat((int) BODY_LIMIT) + "\"}")))),
      Arbitraries.frequency(Tuple.of(85, true), Tuple.of(15, false))
    ).as((kindAndBody, signedIn) -> new Call(op, kindAndBody.get1(), kindAndBody.get2(),
      kindAndBody.get1().equals("contentType") ? "text/plain" : "application/json", signedIn)));
  }

  private Arbitrary<String> valid(Operation op) {
    if (op.params().isEmpty()) return Arbitraries.of("", "{}", " { } ");
    return args(op, this::value).map(JsonObject::encode);
  }

  private Arbitrary<String> unicode(Operation op) {
    return args(op, schema -> "string".equals(resolve(schema).getString("type")) ? unicodeText() : value(schema))
      .map(JsonObject::encode);
  }

  private Arbitrary<Tuple.Tuple2<String, String>> wrongType(Operation op) {
    if (op.params().isEmpty()) return extra(op).map(b -> Tuple.of("extra", b));
    return Combinators.combine(args(op, this::value), Arbitraries.of(op.params()), Arbitraries.integers().between(0, 5))
      .as((args, param, pick) -> {
        JsonObject schema = resolve(op.arguments().getJsonObject("properties").getJsonObject(param));
        args.put(param, wrongValue(schema.getString("type"), pick));
        return Tuple.of("wrongType", args.encode());
      });
  }

  private Arbitrary<Tuple.Tuple2<String, String>> missing(Operation op) {
    if (op.required().isEmpty()) return extra(op).map(b -> Tuple.of("extra", b));
    return Combinators.combine(args(op, this::value), Arbitraries.of(op.required()), Arbitraries.of(true, false))
      .as((args, param, asNull) -> {
        if (asNull) args.putNull(param); else args.remove(param);
        return Tuple.of(asNull ? "null" : "missing", args.encode());
      });
  }

  private Arbitrary<String> extra(Operation op) {
    return Combinators.combine(args(op, this::value), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12), anyJson())
      .as((args, name, value) -> args.put("unknown" + name, value).encode());
  }

  // Big, not too big: the body stays under the limit, so it is the validator or the function that answers.
  private Arbitrary<Tuple.Tuple2<String, String>> huge(Operation op) {
    Arbitrary<Object> big = Arbitraries.oneOf(
      Arbitraries.just("b".repeat(200_000)),
      Arbitraries.just(new JsonArray(java.util.Collections.nCopies(50_000, 7))),
      Arbitraries.of(1e308, -1e308, Long.MAX_VALUE, Long.MIN_VALUE, new java.math.BigInteger("123456789012345678901234567890")));
    if (op.params().isEmpty()) return big.map(v -> Tuple.of("extra", new JsonObject().put("huge", v).encode()));
    return Combinators.combine(args(op, this::value), Arbitraries.of(op.params()), big)
      .as((args, param, value) -> Tuple.of("huge", args.put(param, value).encode()));
  }

  private Arbitrary<Tuple.Tuple2<String, String>> deep(Operation op) {
    Arbitrary<String> nested = Combinators.combine(Arbitraries.integers().between(2, 5000), Arbitraries.of("[]", "{}"))
      .as((depth, brackets) -> {
        String open = brackets.equals("[]") ? "[" : "{\"a\":";
        String close = brackets.equals("[]") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
      });
    if (op.params().isEmpty()) return nested.map(v -> Tuple.of("extra", "{\"deep\":" + v + "}"));
    return Combinators.combine(Arbitraries.of(op.params()), nested)
      .as((param, value) -> Tuple.of("deep", "{\"" + param + "\":" + value + "}"));
  }

  private static Arbitrary<String> nonObject() {
    return Arbitraries.of("[]", "42", "\"number\"", "null", "true", "[{\"number\":21}]", "-0.5e3", "\"\"");
  }

  private static Arbitrary<String> malformed() {
    return Arbitraries.oneOf(
      // Not a leading byte-order mark: RFC 8259 lets a parser ignore it, and Jackson does.
      Arbitraries.of("{", "}", "{\"number\":}", "{\"a\":1,}", "{'number':21}", "{\"number\":21}}", "nul", "{\"a\":\"\\x\"}",
        "{\"a\":NaN}", "{\"a\":01}"),
      Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !isJson(s)));
  }

  private static boolean isJson(String s) {
    try {
      Json.decodeValue(s);
      return true;
    } catch (DecodeException e) {
      return false;
    }
  }

  /** An object with every required parameter and some optional ones, each from {@code valueOf}. */
  private Arbitrary<JsonObject> args(Operation op, java.util.function.Function<JsonObject, Arbitrary<Object>> valueOf) {
    JsonObject properties = op.arguments().getJsonObject("properties");
    Arbitrary<JsonObject> args = Arbitraries.just(null).map(x -> new JsonObject());
    for (String param : op.params()) {
      boolean required = op.required().contains(param);
      Arbitrary<Object> value = valueOf.apply(properties.getJsonObject(param));
      args = Combinators.combine(args, value, Arbitraries.of(true, false)).as((json, v, include) -> {
        JsonObject copy = json.copy();
        if (required || include) copy.put(param, v);
        return copy;
      });
    }
    return args;
  }

  /** A valid value of {@code schema} (the document's own: types, formats, enums, $ref, anyOf). */
  private Arbitrary<Object> value(JsonObject schema) {
    JsonObject s = resolve(schema);
    if (s.containsKey("anyOf")) {
      return Arbitraries.of(s.getJsonArray("anyOf").stream().map(JsonObject.class::cast).collect(Collectors.toList()))
        .flatMap(this::value);
    }
    if (s.containsKey("enum")) return Arbitraries.of(s.getJsonArray("enum").getList());
    String type = s.getString("type", "object");
    switch (type) {
      case "integer": {
        boolean int64 = "int64".equals(s.getString("format"));
        long min = s.getLong("minimum", int64 ? Long.MIN_VALUE : Integer.MIN_VALUE);
        long max = s.getLong("maximum", int64 ? Long.MAX_VALUE : Integer.MAX_VALUE);
        // Small ids find the seeded todos; the whole range misses them.
        return Arbitraries.oneOf(Arbitraries.longs().between(Math.max(min, -2), Math.min(max, 6)), Arbitraries.longs().between(min, max))
          .map(v -> (Object) v);
      }
      case "number": return Arbitraries.doubles().map(v -> (Object) v);
      case "boolean": return Arbitraries.of(true, false);
      case "string": return Arbitraries.strings().ofMaxLength(240).map(v -> (Object) v);
      case "array": return value(s.getJsonObject("items", new JsonObject().put("type", "integer"))).list().ofMaxSize(4)
        .map(list -> (Object) new JsonArray(new ArrayList<>(list)));
      case "null": return Arbitraries.just(null);
      default: return Arbitraries.just(new JsonObject()); // the demo takes no object arguments
    }
  }

  private static Arbitrary<Object> unicodeText() {
    return Arbitraries.oneOf(
      Arbitraries.of("héllo wörld", "日本語のタイトル", "🦀🚀 emoji 👩‍👩‍👧", "\u202Eright-to-left", "zero\u0000byte", "\uD800 lone surrogate",
        "<script>alert(1)</script>", "\" quote \\ backslash", "\u2028line\u2029sep", ""),
      Arbitraries.strings().all().ofMaxLength(60)).map(v -> (Object) v);
  }

  /** A value that is certainly not of JSON type {@code type}. */
  private static Object wrongValue(String type, int pick) {
    Object[] candidates;
    switch (type == null ? "object" : type) {
      case "integer": candidates = new Object[] {"21", 2.5, true, new JsonArray(), new JsonObject(), 1e20}; break;
      case "number": candidates = new Object[] {"2.5", true, new JsonArray(), new JsonObject(), "NaN", false}; break;
      case "string": candidates = new Object[] {42, true, new JsonArray().add("a"), new JsonObject(), 0.5, false}; break;
      case "boolean": candidates = new Object[] {"true", 1, new JsonArray(), new JsonObject(), 0, "false"}; break;
      case "array": candidates = new Object[] {new JsonObject(), "[]", 1, true, 2.5, "x"}; break;
      default: candidates = new Object[] {new JsonArray(), "{}", 1, true, 2.5, "x"};
    }
    return candidates[pick % candidates.length];
  }

  private static Arbitrary<Object> anyJson() {
    return Arbitraries.oneOf(Arbitraries.integers().map(v -> (Object) v), Arbitraries.strings().ofMaxLength(10).map(v -> (Object) v),
      Arbitraries.of(true, false, new JsonObject(), new JsonArray()));
  }

  private static JsonObject resolve(JsonObject schema) {
    String ref = schema.getString("$ref");
    if (ref == null) return schema;
    return document.getJsonObject("components").getJsonObject("schemas").getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** Whether {@code value} is of the documented schema (the subset the generator writes). */
  private static boolean matches(JsonObject schema, Object value) {
    JsonObject s = resolve(schema);
    if (s.containsKey("anyOf")) {
      return s.getJsonArray("anyOf").stream().anyMatch(alternative -> matches((JsonObject) alternative, value));
    }
    if (s.containsKey("enum")) return s.getJsonArray("enum").contains(value);
    String type = s.getString("type");
    if (type == null) return true;
    switch (type) {
      case "integer": return value instanceof Integer || value instanceof Long;
      case "number": return value instanceof Number;
      case "boolean": return value instanceof Boolean;
      case "string": return value instanceof String;
      case "null": return value == null;
      case "array": {
        if (!(value instanceof JsonArray)) return false;
        JsonObject items = s.getJsonObject("items");
        return items == null || ((JsonArray) value).stream().allMatch(v -> matches(items, v));
      }
      case "object": {
        if (!(value instanceof JsonObject)) return false;
        JsonObject object = (JsonObject) value;
        JsonArray required = s.getJsonArray("required", new JsonArray());
        if (!required.stream().allMatch(r -> object.containsKey((String) r))) return false;
        JsonObject properties = s.getJsonObject("properties", new JsonObject());
        return object.stream().allMatch(m -> !properties.containsKey(m.getKey()) || m.getValue() == null
          || matches(properties.getJsonObject(m.getKey()), m.getValue()));
      }
      default:
        fail("unexpected schema type " + type);
        return false;
    }
  }
}
