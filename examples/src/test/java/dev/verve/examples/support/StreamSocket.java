package dev.verve.examples.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A streamed answer read by hand over a plain socket: as slowly as a test likes, with a small receive
 * buffer, or not at all, and closed whenever it wants, as a client that goes away would.
 */
public final class StreamSocket implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private byte[] read = new byte[64 * 1024];
  private int length;
  private boolean found;
  private boolean eof;

  private StreamSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** POSTs {@code json} to {@code path} with {@code headers} (each line ending in CRLF), reading nothing yet. */
  public static StreamSocket post(int port, String path, String json, String headers, int receiveBuffer) throws IOException {
    return post(port, path, json, "application/json", headers, receiveBuffer);
  }

  /** As {@link #post(int, String, String, String, int)}, with {@code contentType} ({@code null}: none). */
  public static StreamSocket post(int port, String path, String body, String contentType, String headers,
                                  int receiveBuffer) throws IOException {
    String json = body;
    Socket socket = new Socket();
    if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
      + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
      + "Content-Length: " + bytes.length + "\r\n" + headers + "\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return new StreamSocket(socket);
  }

  /** Reads until the text read so far contains {@code needle}, the connection ends, or {@code timeoutMs}. */
  public String readUntil(String needle, long timeoutMs) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    byte[] chunk = new byte[64 * 1024];
    byte[] wanted = needle.getBytes(StandardCharsets.UTF_8);
    found = indexOf(wanted, 0) >= 0;
    while (!eof && !found) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) break;
      socket.setSoTimeout((int) Math.max(1, Math.min(left, 200)));
      try {
        int n = in.read(chunk);
        if (n < 0) {
          eof = true;
        } else {
          int from = Math.max(0, length - wanted.length);
          append(chunk, n);
          found = indexOf(wanted, from) >= 0;
        }
      } catch (SocketTimeoutException e) {
        // keep waiting until the deadline
      } catch (IOException reset) {
        eof = true;
      }
    }
    return text();
  }

  /** Reads at most {@code bytes} more (what is there within 200 ms). */
  public void readSome(int bytes) throws IOException {
    socket.setSoTimeout(200);
    byte[] chunk = new byte[bytes];
    try {
      int n = in.read(chunk);
      if (n < 0) eof = true;
      else append(chunk, n);
    } catch (SocketTimeoutException e) {
      // nothing yet
    }
  }

  /** Reads until the server closes the connection (or {@code timeoutMs}). */
  public String readToEnd(long timeoutMs) throws IOException {
    return readUntil("\u0000never\u0000", timeoutMs);
  }

  private void append(byte[] chunk, int n) {
    if (length + n > read.length) read = java.util.Arrays.copyOf(read, Math.max(read.length * 2, length + n));
    System.arraycopy(chunk, 0, read, length, n);
    length += n;
  }

  private int indexOf(byte[] wanted, int from) {
    outer:
    for (int i = from; i <= length - wanted.length; i++) {
      for (int j = 0; j < wanted.length; j++) {
        if (read[i + j] != wanted[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  /**
   * Reads an answer's head, and its whole body unless the status is 200 (a stream, left unread):
   * {@code [status, content type, body or null]}.
   */
  public String[] readAnswer(long timeoutMs) throws IOException {
    String head = readUntil("\r\n\r\n", timeoutMs);
    int end = head.indexOf("\r\n\r\n");
    if (end < 0) throw new IOException("no answer head within " + timeoutMs + " ms: " + head);
    String[] lines = head.substring(0, end).split("\r\n");
    String status = lines[0].split(" ")[1];
    String type = null;
    int length = -1;
    for (String line : lines) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("content-type:")) type = line.substring(13).trim();
      if (lower.startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
    }
    if (status.equals("200") || length < 0) return new String[]{status, type, null};
    int total = end + 4 + length;
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (this.length < total && !eof && System.currentTimeMillis() < deadline) readSome(64 * 1024);
    return new String[]{status, type, new String(read, end + 4, Math.min(length, this.length - end - 4), StandardCharsets.UTF_8)};
  }

  /** Bytes read so far. */
  public int length() {
    return length;
  }

  public boolean ended() {
    return eof;
  }

  public String text() {
    return new String(read, 0, length, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
