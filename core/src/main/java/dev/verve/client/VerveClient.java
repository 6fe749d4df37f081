package dev.verve.client;

import dev.verve.client.impl.VerveClientImpl;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

import java.util.Set;
import java.util.function.Function;

/**
 * Calls server functions over HTTP from any JVM: the "desktop client" case. {@link #of(Class)} gives the
 * generated client, which implements the very interface the server implements.
 *
 * <pre>{@code
 * VerveClient client = VerveClient.create(vertx, "http://127.0.0.1:8080");
 * Counter counter = client.of(Counter.class);
 * counter.doubleServer(21).onSuccess(System.out::println); // 42
 * }</pre>
 *
 * A failed call fails its future with a {@link io.vertx.serviceproxy.ServiceException} whose
 * {@code failureCode()} is the HTTP status and whose {@code getDebugInfo()} is the problem-details body,
 * the same shape a failure has on the event bus. A network failure is passed through as it is.
 */
public interface VerveClient {

  /** Suffix of the generated client class, e.g. {@code CounterVerveHttpClient}. */
  String GENERATED_SUFFIX = "VerveHttpClient";

  /** A client for the server at {@code serverUrl} (e.g. {@code http://127.0.0.1:8080}), API prefix {@code /api}. */
  static VerveClient create(Vertx vertx, String serverUrl) {
    return create(vertx, serverUrl, "/api");
  }

  static VerveClient create(Vertx vertx, String serverUrl, String apiPrefix) {
    return new VerveClientImpl(vertx, serverUrl, apiPrefix);
  }

  /**
   * Signs in with a username and password: asks the server's {@code POST /auth/token} for a bearer token,
   * which every later call of this client sends. Fails with a {@code ServiceException} 401 for wrong
   * credentials, 429 after too many.
   */
  Future<Void> signIn(String username, String password);

  /** Sends {@code Authorization: Bearer <token>} on every later call ({@code null}: none). */
  VerveClient token(String token);

  /** The generated HTTP client of a {@code @ServerFunctions} interface. */
  <T> T of(Class<T> iface);

  /**
   * Calls {@code POST <prefix>/<service>/<method>} with {@code args}; the future holds the decoded JSON
   * result ({@code Integer}, {@code String}, {@code JsonObject}, ...) or {@code null} for 204.
   */
  Future<Object> call(String service, String method, JsonObject args);

  /**
   * Like {@link #call}, sent as {@code multipart/form-data} as a browser's form would send it: the members
   * named in {@code files} (the JSON of {@link dev.verve.fn.UploadedFile}s, or arrays of them) are file
   * parts, every other member a field (texts as they are, numbers and booleans as text, arrays as one field
   * per item, objects as JSON). The generated clients use it for functions with file parameters; this
   * default sends JSON (base64 bytes), which the server accepts too.
   */
  default Future<Object> callMultipart(String service, String method, JsonObject args, Set<String> files) {
    return call(service, method, args);
  }

  /**
   * Calls a stream function: {@code POST <prefix>/<service>/<method>} read as {@code text/event-stream}, each
   * item decoded by {@code decoder}. The future fails like {@link #call}'s for what is refused before the
   * first item; a failure after it fails the stream ({@code exceptionHandler}). Pausing the stream stops
   * reading the connection, so a slow reader slows the server's source down (TCP back-pressure).
   */
  <T> Future<ReadStream<T>> stream(String service, String method, JsonObject args, Function<Object, T> decoder);

  Future<Void> close();
}
