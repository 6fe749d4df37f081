package dev.verve.examples.ops;

import dev.verve.examples.probe.ProbeVerticle;
import dev.verve.examples.support.NoBlockedThreads;
import dev.verve.examples.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.verve.examples.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call holds one of the node's {@code api.maxInFlight} places from its body's last byte: clients that send
 * a call's headers and then nothing wait among {@code api.maxBodiesInFlight} (and {@code http.bodyTimeout}),
 * and complete calls are served meanwhile.
 */
@ExtendWith(NoBlockedThreads.class)
class StalledBodiesTest {

  private static final String STALLED = "POST /api/Probe/echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    + "Content-Type: application/json\r\nContent-Length: 10\r\n\r\n";

  @Test
  void connectionsThatNeverSendTheirBodyDoNotStarveCompleteCalls() throws Exception {
    try (TestServer server = TestServer.start(ProbeVerticle::new, new JsonObject()
      .put("api.maxInFlight", 3).put("api.maxBodiesInFlight", 8))) {
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) stalled.add(open(server.port));
        // Eight times the place limit of headers without bodies: a complete call and a page still get in.
        for (int i = 0; i < 5; i++) {
          HttpResponse<Buffer> call = server.postJson("/api/Probe/echo", "{\"text\": \"served\"}");
          assertEquals(200, call.statusCode(), call.bodyAsString());
        }
        // One more stalled body than api.maxBodiesInFlight gets a second for its body, then 503 and a close.
        try (Socket oneTooMany = open(server.port)) {
          long start = System.nanoTime();
          String answer = readAnswer(oneTooMany.getInputStream());
          long ms = (System.nanoTime() - start) / 1_000_000;
          assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
          assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("retry-after: 1"), answer);
          assertTrue(ms >= 900 && ms < 5000, ms + " ms");
        }
      } finally {
        for (Socket socket : stalled) socket.close();
      }
      assertProblem(server.postJson("/api/Probe/echo", "{\"text\": 1}"), 400);
    }
  }

  private static Socket open(int port) throws Exception {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write(STALLED.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private static String readAnswer(InputStream in) throws Exception {
    StringBuilder text = new StringBuilder();
    byte[] buffer = new byte[4096];
    int n;
    while (!text.toString().contains("\r\n\r\n") && (n = in.read(buffer)) > 0) {
      text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
    }
    return text.toString();
  }
}
