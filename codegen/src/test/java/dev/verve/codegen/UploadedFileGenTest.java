package dev.verve.codegen;

import dev.verve.client.VerveClient;
import dev.verve.fn.ArgType;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.UploadedFile;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static dev.verve.codegen.ValidFixture.descriptor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code UploadedFile} parameters in the three generated artefacts: descriptor, JS module, Java client. */
class UploadedFileGenTest {

  @Test
  void theDescriptorValidatesFilesAsFiles() throws Exception {
    MethodDescriptor method = descriptor("Todos").method("importFiles");
    assertSame(ArgType.FILE, method.params().get(0).type());
    assertEquals("a list of a file", method.params().get(1).type().description());
    JsonObject file = new UploadedFile("a.txt", "text/plain", Buffer.buffer("a")).toJson();
    assertEquals(List.of(), method.validate(new JsonObject().put("file", file).put("more", new JsonArray()).put("note", "n")));
    assertEquals("'file' must be a file",
      method.validate(new JsonObject().put("file", "text").put("more", new JsonArray()).put("note", "n")).get(0).toString());
  }

  @Test
  void theJsModuleSaysFilesAreBlobs() {
    String module = ValidFixture.compilation().resource("verve/fn/Todos.js");
    assertTrue(module.contains("/** @param {Blob} file a File or Blob, sent as multipart/form-data */\n"), module);
    assertTrue(module.contains("/** @param {Blob[]} more a File or Blob, sent as multipart/form-data */\n"), module);
    assertTrue(module.contains("export async function importFiles(file, more, note) {\n"
      + "  return call(\"Todos\", \"importFiles\", { file, more, note });\n}\n"), module);
  }

  @Test
  void theJavaClientSendsFilesAsMultipart() throws Exception {
    MultipartRecorder client = new MultipartRecorder();
    Object todos = ValidFixture.load("TodosVerveHttpClient").getConstructor(VerveClient.class).newInstance(client);
    UploadedFile file = new UploadedFile("a.txt", "text/plain", Buffer.buffer("one\ntwo"));
    UploadedFile other = new UploadedFile("b.bin", null, Buffer.buffer(new byte[] {1, 2}));
    Method importFiles = todos.getClass().getMethod("importFiles", UploadedFile.class, List.class, String.class);
    Future<?> result = (Future<?>) importFiles.invoke(todos, file, List.of(other), "hi");
    assertTrue(result.succeeded(), String.valueOf(result.cause()));
    assertEquals(Set.of("file", "more"), client.files);
    assertEquals("Todos.importFiles", client.called);
    assertEquals(file.toJson(), client.args.getJsonObject("file"));
    assertEquals(new JsonArray().add(other.toJson()), client.args.getJsonArray("more"));
    assertEquals("hi", client.args.getString("note"));
    assertEquals("b25lCnR3bw==", client.args.getJsonObject("file").getString("bytes")); // base64 of "one\ntwo"
    assertNull(client.jsonCall, "no JSON call for a function with files");
  }

  static final class MultipartRecorder implements VerveClient {
    String called;
    String jsonCall;
    JsonObject args;
    Set<String> files;

    @Override
    public Future<Object> callMultipart(String service, String method, JsonObject args, Set<String> files) {
      this.called = service + "." + method;
      this.args = args;
      this.files = files;
      return Future.succeededFuture(new JsonArray());
    }

    @Override
    public Future<Object> call(String service, String method, JsonObject args) {
      jsonCall = service + "." + method;
      return Future.succeededFuture(new JsonArray());
    }

    @Override
    public <T> Future<ReadStream<T>> stream(String service, String method, JsonObject args, Function<Object, T> decoder) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> signIn(String username, String password) {
      throw new UnsupportedOperationException();
    }

    @Override
    public VerveClient token(String token) {
      return this;
    }

    @Override
    public <T> T of(Class<T> iface) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
