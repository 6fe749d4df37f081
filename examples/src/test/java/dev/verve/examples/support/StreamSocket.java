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
    Socket socket = new Socket();
    if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 2000);
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
      + "Content-Length: " + body.length + "\r\n" + headers + "\r\n";
    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().write(body);
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
