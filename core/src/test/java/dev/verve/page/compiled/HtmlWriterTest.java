package dev.verve.page.compiled;

import org.junit.jupiter.api.Test;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The page's writer (the state block goes through it) gives the bytes {@link String#getBytes} gives for
 * the whole text, however the text is cut into chunks: a surrogate pair split between two writes is one
 * code point, an unpaired surrogate is {@code ?}.
 */
class HtmlWriterTest {

  private static final String[] TEXTS = {
    "", "plain ascii {\"a\":1}", "caf\u00e9 \u2014 \u65e5\u672c", "\ud83d\ude00 emoji \ud83c\udf89",
    "lone high at the end \ud83d", "\ude00 lone low first", "two highs \ud83d\ud83d\ude00", "\u2028\u2029",
    "high then ascii \ud83dx", "\u07ff\u0800\uffff\u0080\u007f"};

  @Test
  void everyCutGivesTheBytesOfTheWholeText() throws Exception {
    for (String text : TEXTS) {
      for (int cut = 0; cut <= text.length(); cut++) {
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), viaChars(text, cut), "chars cut at " + cut + ": " + text);
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), viaString(text, cut), "string cut at " + cut + ": " + text);
      }
    }
  }

  @Test
  void randomTextsInRandomChunksFromATinyPage() throws Exception {
    Random random = new Random(42);
    char[] alphabet = {'a', '<', '"', '\u00e9', '\u2014', '\u65e5', '\ud83d', '\ude00', '\ud800', '\udfff', '\u2028'};
    for (int round = 0; round < 2_000; round++) {
      StringBuilder sb = new StringBuilder();
      for (int i = random.nextInt(200); i > 0; i--) sb.append(alphabet[random.nextInt(alphabet.length)]);
      String text = sb.toString();
      Html html = new Html(1);
      Writer writer = html.writer();
      for (int at = 0; at < text.length(); ) {
        int n = Math.min(text.length() - at, 1 + random.nextInt(17));
        switch (random.nextInt(3)) {
          case 0 -> writer.write(text.toCharArray(), at, n);
          case 1 -> writer.write(text, at, n);
          default -> {
            for (int i = at; i < at + n; i++) writer.write(text.charAt(i));
          }
        }
        at += n;
      }
      writer.close();
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), html.toString().getBytes(StandardCharsets.UTF_8), text);
    }
  }

  private static byte[] viaChars(String text, int cut) throws Exception {
    Html html = new Html(1);
    Writer writer = html.writer();
    char[] chars = text.toCharArray();
    writer.write(chars, 0, cut);
    writer.write(chars, cut, chars.length - cut);
    writer.close();
    return bytes(html);
  }

  private static byte[] viaString(String text, int cut) throws Exception {
    Html html = new Html(1);
    Writer writer = html.writer();
    writer.write(text, 0, cut);
    writer.write(text, cut, text.length() - cut);
    writer.close();
    return bytes(html);
  }

  private static byte[] bytes(Html html) {
    byte[] all = new byte[html.length()];
    html.toBuffer().getBytes(0, all.length, all);
    return all;
  }
}
