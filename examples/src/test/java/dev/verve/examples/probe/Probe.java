package dev.verve.examples.probe;

import dev.verve.ServerFunctions;
import dev.verve.auth.AnonymousAllowed;
import dev.verve.auth.RolesAllowed;
import dev.verve.examples.Todo;
import dev.verve.fn.Streams;
import dev.verve.fn.UploadedFile;
import io.vertx.codegen.annotations.GenIgnore;
import io.vertx.codegen.annotations.Nullable;
import io.vertx.codegen.annotations.ProxyGen;
import io.vertx.codegen.annotations.VertxGen;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each method provokes one row of the status table or exercises one argument type. */
@AnonymousAllowed
@ServerFunctions(address = "verve.test.probe")
@ProxyGen
@VertxGen
public interface Probe {

  Future<String> echo(String text);

  /** Fails with {@code ServiceException(code, message)}. */
  Future<String> failWith(int code, String message);

  /** Fails its future with a plain exception whose text must stay on the server. */
  Future<String> crash(String secret);

  /** Throws instead of returning a future. */
  Future<String> explode(String secret);

  /** Never completes. */
  Future<String> hang();

  Future<Void> nothing();

  /** Echoes {@code text} from a thread of its own, neither an event loop nor a worker of Vert.x. */
  Future<String> echoFromAnotherThread(String text);

  /** Echoes every argument back, to prove what the function received. */
  Future<JsonObject> types(long big, double ratio, boolean flag, Color color, List<Integer> numbers,
                           Map<String, String> tags, @Nullable String note, Todo todo);

  /** Echoes what arrived of files and the other kinds of argument a form can carry. */
  Future<JsonObject> upload(UploadedFile file, List<UploadedFile> more, Set<String> labels, @Nullable JsonObject extra,
                            @Nullable Integer maybe);

  /**
   * {@code items} todos ("#1".."#n"), then a failure: {@code ServiceException(code)} when {@code code} is
   * 400..599, else a plain exception whose text must stay on the server. {@code code} 0 ends normally.
   */
  @GenIgnore
  default Future<ReadStream<Todo>> todosThenFail(int items, int code) {
    return Streams.declared();
  }

  /** Admins only: a signed-in user without the role gets 403 before any byte. */
  @GenIgnore
  @RolesAllowed("admin")
  default Future<ReadStream<String>> adminOnly() {
    return Streams.declared();
  }

  /** Opens and then says nothing until cancelled; {@link ProbeImpl#quietOpen} counts those open. */
  @GenIgnore
  default Future<ReadStream<String>> quiet() {
    return Streams.declared();
  }
}
