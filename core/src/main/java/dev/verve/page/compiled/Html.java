package dev.verve.page.compiled;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page being written as UTF-8 bytes: static text is copied from pre-encoded constants, values are
 * encoded (and HTML-escaped) straight from their characters, and {@link #toBuffer()} hands the bytes to
 * Vert.x without a copy. The same bytes as handlebars.java's {@code String} encoded once: the same seven
 * entities ({@code & < > " ' ` =}), and an unpaired surrogate becomes {@code ?} as
 * {@link String#getBytes} makes it.
 */
public final class Html extends OutputStream {

  private static final byte[] AMP = ascii("&amp;");
  private static final byte[] LT = ascii("&lt;");
  private static final byte[] GT = ascii("&gt;");
  private static final byte[] QUOT = ascii("&quot;");
  private static final byte[] APOS = ascii("&#x27;");
  private static final byte[] GRAVE = ascii("&#x60;");
  private static final byte[] EQUALS = ascii("&#x3D;");
  private static final byte[][] ENTITIES = new byte[128][];
  private static final byte[] HEX = ascii("0123456789ABCDEF");
  // 0: as it is; 'u': \\u00XX; else the letter after a backslash.
  private static final byte[] JSON_ESCAPES = new byte[128];

  static {
    ENTITIES['&'] = AMP;
    ENTITIES['<'] = LT;
    ENTITIES['>'] = GT;
    ENTITIES['"'] = QUOT;
    ENTITIES['\''] = APOS;
    ENTITIES['`'] = GRAVE;
    ENTITIES['='] = EQUALS;
    for (int c = 0; c < 0x20; c++) JSON_ESCAPES[c] = 'u';
    JSON_ESCAPES['\b'] = 'b';
    JSON_ESCAPES['\t'] = 't';
    JSON_ESCAPES['\n'] = 'n';
    JSON_ESCAPES['\f'] = 'f';
    JSON_ESCAPES['\r'] = 'r';
    JSON_ESCAPES['"'] = '"';
    JSON_ESCAPES['\\'] = '\\';
    JSON_ESCAPES['<'] = 'u';
    JSON_ESCAPES['>'] = 'u';
    JSON_ESCAPES['&'] = 'u';
  }

  private byte[] bytes;
  private int length;

  /** An empty page with room for {@code capacity} bytes (the largest page seen so far is a good guess). */
  public Html(int capacity) {
    bytes = new byte[Math.max(capacity, 64)];
  }

  /** Text as UTF-8, for the constants of generated code; several parts keep each literal short. */
  public static byte[] utf8(String... parts) {
    return String.join("", parts).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  public int length() {
    return length;
  }

  /** Pre-encoded bytes, as they are. */
  public void raw(byte[] text) {
    int n = text.length;
    ensure(n);
    System.arraycopy(text, 0, bytes, length, n);
    length += n;
  }

  /** {@code {{value}}}: nothing for null, else its text HTML-escaped. */
  public void escaped(Object value) {
    if (value == null) return;
    if (value instanceof String) {
      text((String) value, true);
    } else if (value instanceof Integer || value instanceof Long) {
      digits(((Number) value).longValue());
    } else {
      text(value.toString(), true);
    }
  }

  /** {@code {{{value}}}}: nothing for null, else its text as it is. */
  public void unescaped(Object value) {
    if (value == null) return;
    if (value instanceof Integer || value instanceof Long) {
      digits(((Number) value).longValue());
    } else {
      text(value.toString(), false);
    }
  }

  private void digits(long value) {
    if (value < 0 || value > 9_999_999_999L) {
      text(Long.toString(value), false);
      return;
    }
    int n = 1;
    for (long v = value; v >= 10; v /= 10) n++;
    ensure(n);
    int end = length + n;
    for (int i = end - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length = end;
  }

  private void text(String s, boolean escape) {
    int n = s.length();
    ensure(n); // the common case: ASCII without anything to escape
    byte[] b = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        byte[] entity = escape ? ENTITIES[c] : null;
        if (entity == null) {
          if (at == b.length) { length = at; ensure(n - i); b = bytes; }
          b[at++] = (byte) c;
        } else {
          length = at;
          ensure(entity.length + n - i);
          b = bytes;
          System.arraycopy(entity, 0, b, at, entity.length);
          at += entity.length;
        }
        continue;
      }
      length = at;
      ensure(4 + n - i);
      b = bytes;
      if (c < 0x800) {
        b[at++] = (byte) (0xC0 | (c >> 6));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        int cp = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
          ? Character.toCodePoint(c, s.charAt(++i)) : -1;
        if (cp < 0) {
          b[at++] = '?';
        } else {
          b[at++] = (byte) (0xF0 | (cp >> 18));
          b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
          b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
          b[at++] = (byte) (0x80 | (cp & 0x3F));
        }
      } else {
        b[at++] = (byte) (0xE0 | (c >> 12));
        b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    length = at;
  }

  /**
   * {@code s} as a JSON string literal that is safe inside {@code <script type="application/json">}: the
   * bytes Jackson writes with the state block's escapes ({@code " \\} and control characters as JSON
   * wants them, {@code < > &} U+2028 U+2029 as {@code \\uXXXX}, other text as UTF-8, an unpaired
   * surrogate as {@code ?}).
   */
  public void scriptJsonString(String s) {
    int n = s.length();
    ensure(n + 2);
    byte[] b = bytes;
    int at = length;
    b[at++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80 && JSON_ESCAPES[c] == 0) {
        if (at == b.length) { length = at; ensure(n - i + 1); b = bytes; }
        b[at++] = (byte) c;
        continue;
      }
      length = at;
      ensure(6 + n - i);
      b = bytes;
      if (c < 0x80) {
        byte e = JSON_ESCAPES[c];
        b[at++] = '\\';
        if (e == 'u') {
          b[at++] = 'u';
          b[at++] = '0';
          b[at++] = '0';
          b[at++] = HEX[c >> 4];
          b[at++] = HEX[c & 0xF];
        } else {
          b[at++] = e;
        }
      } else if (c == 0x2028 || c == 0x2029) {
        b[at++] = '\\';
        b[at++] = 'u';
        b[at++] = '2';
        b[at++] = '0';
        b[at++] = '2';
        b[at++] = (byte) (c == 0x2028 ? '8' : '9');
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        length = at;
        codePoint(Character.toCodePoint(c, s.charAt(++i)));
        at = length;
      } else if (Character.isSurrogate(c)) {
        b[at++] = '?';
      } else {
        length = at;
        encode(c, (char) 0);
        at = length;
      }
    }
    if (at == b.length) { length = at; ensure(1); b = bytes; }
    b[at++] = '"';
    length = at;
  }

  /** ASCII text as it is, no escaping: JSON's {@code null}, {@code true}, {@code false}. */
  public void literal(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) bytes[length + i] = (byte) s.charAt(i);
    length += n;
  }

  /** A whole number, in decimal. */
  public void number(long value) {
    digits(value);
  }

  /**
   * A writer that encodes into this page as {@link String#getBytes} would encode the whole text: for JSON
   * written by Jackson's character writer, whose output is what Verve's state block has always been (its
   * byte writer escapes surrogates instead).
   */
  public Writer writer() {
    return new Writer() {
      private char high; // a high surrogate whose pair may come with the next chunk
      private char[] scratch = new char[64];

      @Override
      public void write(char[] chars, int off, int len) {
        // Room for the worst case once (3 bytes a char, a pending surrogate's '?'), then no check per char.
        ensure(3 * len + 1);
        byte[] b = bytes;
        int at = length;
        int end = off + len;
        for (int i = off; i < end; i++) {
          char c = chars[i];
          if (c < 0x80 && high == 0) {
            b[at++] = (byte) c;
            continue;
          }
          length = at;
          high = encode(c, high);
          at = length;
          b = bytes;
        }
        length = at;
      }

      @Override
      public void write(String str, int off, int len) {
        // Jackson's fallback writes through here (values that are not JSON already): rare, so one loop.
        if (scratch.length < len) scratch = new char[len];
        str.getChars(off, off + len, scratch, 0);
        write(scratch, 0, len);
      }

      @Override
      public void write(int c) {
        ensure(4);
        high = encode((char) c, high);
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
        if (high != 0) bytes[length++] = '?';
        high = 0;
      }
    };
  }

  /**
   * One character after {@code high} (0, or a high surrogate still waiting for its pair), with room for 4
   * bytes already made; returns the high surrogate now waiting, or 0. An unpaired surrogate is {@code ?}.
   */
  private char encode(char c, char high) {
    byte[] b = bytes;
    int at = length;
    if (high != 0) {
      if (Character.isLowSurrogate(c)) {
        length = at;
        codePoint(Character.toCodePoint(high, c));
        return 0;
      }
      b[at++] = '?';
    }
    if (c < 0x80) {
      b[at++] = (byte) c;
    } else if (c < 0x800) {
      b[at++] = (byte) (0xC0 | (c >> 6));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      length = at;
      return c;
    } else if (Character.isLowSurrogate(c)) {
      b[at++] = '?';
    } else {
      b[at++] = (byte) (0xE0 | (c >> 12));
      b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      b[at++] = (byte) (0x80 | (c & 0x3F));
    }
    length = at;
    return 0;
  }

  private void codePoint(int cp) {
    ensure(4);
    bytes[length++] = (byte) (0xF0 | (cp >> 18));
    bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
    bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
    bytes[length++] = (byte) (0x80 | (cp & 0x3F));
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, length, len);
    length += len;
  }

  /**
   * Where {@code </body>} (any case) last starts, or -1: the state block and the runtime go right before
   * it, as {@code PageAssembly} puts them. Non-ASCII characters are never part of a match, so bytes do.
   */
  public int lastBodyClose() {
    for (int i = length - 7; i >= 0; i--) {
      if (bytes[i] == '<' && bytes[i + 1] == '/' && (bytes[i + 2] | 0x20) == 'b' && (bytes[i + 3] | 0x20) == 'o'
        && (bytes[i + 4] | 0x20) == 'd' && (bytes[i + 5] | 0x20) == 'y' && bytes[i + 6] == '>') {
        return i;
      }
    }
    return -1;
  }

  /** Cuts the page at {@code at} and returns what followed, to be written again after an insert. */
  public byte[] cut(int at) {
    byte[] tail = Arrays.copyOfRange(bytes, at, length);
    length = at;
    return tail;
  }

  /** The page as a Vert.x buffer over the same bytes. */
  public Buffer toBuffer() {
    return BufferInternal.buffer(Unpooled.wrappedBuffer(bytes, 0, length));
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
