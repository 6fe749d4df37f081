package dev.verve.examples.support;

import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written byte for byte on a plain socket, for the inputs a well-behaved client cannot send
 * (ambiguous framing, a foreign {@code Host}, oversized lines). Reads whatever comes back until the
 * server closes the connection or stays silent for two seconds.
 */
public final class RawHttp {

  private RawHttp() {
  }

  /** What the server sent back: every byte, and whether it then closed the connection. */
  public static final class Answer {
    public final String text;
    public final boolean closed;

    Answer(String text, boolean closed) {
      this.text = text;
      this.closed = closed;
    }

    /** {@code 400} from {@code HTTP/1.1 400 Bad Request}; -1 when nothing came back. */
    public int status() {
      if (!text.startsWith("HTTP/1.")) return -1;
      return Integer.parseInt(text.substring(9, 12));
    }

    /** How many responses came back (a smuggled second request would make two). */
    public int responses() {
      int count = 0;
      for (int i = text.indexOf("HTTP/1."); i >= 0; i = text.indexOf("HTTP/1.", i + 1)) count++;
      return count;
    }

    public String header(String name) {
      String head = text.split("\r\n\r\n", 2)[0];
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
      }
      return null;
    }

    public String body() {
      String[] parts = text.split("\r\n\r\n", 2);
      return parts.length < 2 ? "" : parts[1];
    }

    public JsonObject json() {
      return new JsonObject(body());
    }

    /** The status line, for a failure message or a report. */
    public String statusLine() {
      int end = text.indexOf("\r\n");
      return text.isEmpty() ? (closed ? "(closed, no answer)" : "(no answer)") : end < 0 ? text : text.substring(0, end);
    }

    @Override
    public String toString() {
      return statusLine() + (closed ? " [closed]" : "") + "\n" + text;
    }
  }

  /** Writes {@code request} (ISO-8859-1) and reads the answer. */
  public static Answer exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(2000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    boolean closed = false;
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) out.write(buffer, 0, n);
      closed = true;
    } catch (SocketTimeoutException silent) {
      // The connection stayed open: what came so far is the answer.
    } catch (IOException reset) {
      closed = true;
    }
    return new Answer(out.toString(StandardCharsets.ISO_8859_1), closed);
  }

  /** {@code POST path} with the given extra header lines (each ending in CRLF) and raw body. */
  public static String post(String path, String headers, String body) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      + headers + "\r\n" + body;
  }
}
