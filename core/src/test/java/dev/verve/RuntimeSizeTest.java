package dev.verve;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser runtime's size is a feature: the build prints it (gzip -9 of the file as served) and fails
 * above the ceiling. It must also work under a strict Content-Security-Policy: no eval, no Function.
 */
class RuntimeSizeTest {

  static final Path RUNTIME = Path.of("..", "static", "verve.js");
  static final int GOAL = 5120;
  static final int CEILING = 8192;

  @Test
  void theRuntimeStaysSmallAndCspSafe() throws IOException {
    byte[] source = Files.readAllBytes(RUNTIME);
    int gzipped = gzip9(source).length;
    System.out.println("verve.js: " + source.length + " bytes, " + gzipped + " bytes gzip -9 (goal " + GOAL
      + ", ceiling " + CEILING + ")");
    assertTrue(gzipped <= CEILING, "verve.js is " + gzipped + " bytes gzipped, above the " + CEILING + " ceiling");
    String text = new String(source, StandardCharsets.UTF_8);
    assertFalse(text.contains("eval("), "verve.js must not use eval (strict CSP)");
    assertFalse(text.contains("new Function"), "verve.js must not use new Function (strict CSP)");
  }

  static byte[] gzip9(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    }) {
      gzip.write(data);
    }
    return out.toByteArray();
  }
}
