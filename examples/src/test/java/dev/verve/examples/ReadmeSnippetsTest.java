package dev.verve.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the README true: every code block announced by {@code <!-- snippet: path#tag -->} must equal the
 * lines between the line holding {@code tag::tag[]} and the line holding {@code end::tag[]} in that file
 * (a comment in the file's own syntax: {@code // tag::x[]}, {@code {{!-- tag::x[] --}}}).
 */
class ReadmeSnippetsTest {

  private static final Pattern SNIPPET = Pattern.compile(
    "<!-- snippet: ([^#\\s]+)#([\\w-]+) -->\\s*\\n```\\w*\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyReadmeSnippetMatchesItsSource() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String readme = Files.readString(root.resolve("README.md"));
    Matcher m = SNIPPET.matcher(readme);
    List<String> checked = new ArrayList<>();
    while (m.find()) {
      String source = Files.readString(root.resolve(m.group(1)));
      assertEquals(region(source, m.group(2), m.group(1)), m.group(3), "README snippet " + m.group(1) + "#" + m.group(2));
      checked.add(m.group(2));
    }
    assertFalse(checked.isEmpty(), "no snippets found in README.md");
  }

  static String region(String source, String tag, String file) {
    String start = "tag::" + tag + "[]";
    String end = "end::" + tag + "[]";
    int i = source.indexOf(start);
    int j = source.indexOf(end);
    assertTrue(i >= 0 && j > i, "no region " + tag + " in " + file);
    String body = source.substring(source.indexOf('\n', i) + 1, source.lastIndexOf('\n', j) + 1);
    return dedent(body);
  }

  static String dedent(String text) {
    String[] lines = text.split("\n", -1);
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) indent = Math.min(indent, line.length() - line.stripLeading().length());
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < lines.length - 1; k++) {
      String line = lines[k];
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }
}
