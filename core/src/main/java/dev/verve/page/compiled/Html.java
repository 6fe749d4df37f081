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

  static {
    ENTITIES['&'] = AMP;
    ENTITIES['<'] = LT;
    ENTITIES['>'] = GT;
    ENTITIES['"'] = QUOT;
    ENTITIES['\''] = APOS;
    ENTITIES['`'] = GRAVE;
    ENTITIES['='] = EQUALS;
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
   * A writer that encodes into this page as {@link String#getBytes} would encode the whole text: for JSON
   * written by Jackson's character writer, whose output is what Verve's state block has always been (its
   * byte writer escapes surrogates instead).
   */
  public Writer writer() {
    return new Writer() {
      private char high; // a high surrogate whose pair may come with the next chunk

      @Override
      public void write(char[] chars, int off, int len) {
        int end = off + len;
        for (int i = off; i < end; i++) {
          char c = chars[i];
          if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
              codePoint(Character.toCodePoint(h, c));
              continue;
            }
            Html.this.write('?');
          }
          if (c < 0x80) {
            Html.this.write(c);
          } else if (Character.isHighSurrogate(c)) {
            high = c;
          } else {
            text(String.valueOf(c), false);
          }
        }
      }

      @Override
      public void write(String str, int off, int len) {
        if (high == 0 && (len == 0 || !Character.isHighSurrogate(str.charAt(off + len - 1)))) {
          text(str.substring(off, off + len), false);
        } else {
          write(str.toCharArray(), off, len);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
        if (high != 0) Html.this.write('?');
        high = 0;
      }
    };
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
