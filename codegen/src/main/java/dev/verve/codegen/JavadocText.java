package dev.verve.codegen;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Javadoc comment as plain text for the API description: inline tags become Markdown
 * ({@code {@code x}} gives {@code `x`}, {@code {@link A#b}} gives {@code `A.b`}, {@code {@value #X}} the
 * constant's value), the first sentence is the summary and {@code @param} lines describe the arguments.
 */
final class JavadocText {

  private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s*([^}]*)}");
  private static final Pattern TAGS = Pattern.compile("(?m)^\\s*@(\\w+)\\s*");
  private static final Pattern HTML = Pattern.compile("</?(p|b|i|em|strong|ul|ol|li|br)\\s*/?>", Pattern.CASE_INSENSITIVE);

  final String summary;
  final String description;
  final Map<String, String> params;
  /** The {@code @return} text, empty without one. */
  final String returns;

  private JavadocText(String summary, String description, Map<String, String> params, String returns) {
    this.summary = summary;
    this.description = description;
    this.params = params;
    this.returns = returns;
  }

  static JavadocText of(Elements elements, Element element, Element constants) {
    String raw = elements == null ? null : elements.getDocComment(element);
    if (raw == null || raw.isBlank()) {
      return new JavadocText("", "", Map.of(), "");
    }
    Matcher tag = TAGS.matcher(raw);
    String main = tag.find() ? raw.substring(0, tag.start()) : raw;
    Map<String, String> params = new LinkedHashMap<>();
    String returns = "";
    if (tag.find(0)) {
      // Each block tag runs until the next one.
      int start = tag.start();
      String blocks = raw.substring(start);
      for (String block : blocks.split("(?m)^\\s*(?=@\\w)")) {
        String b = block.trim();
        if (b.startsWith("@param")) {
          String[] nameAndText = b.substring(6).trim().split("\\s+", 2);
          if (nameAndText.length == 2) params.put(nameAndText[0], text(nameAndText[1], elements, constants));
        } else if (b.startsWith("@return")) {
          returns = text(b.substring(7).trim(), elements, constants);
        }
      }
    }
    String description = text(main, elements, constants);
    return new JavadocText(firstSentence(description), description, params, returns);
  }

  private static String text(String javadoc, Elements elements, Element constants) {
    Matcher m = INLINE.matcher(javadoc);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String body = m.group(2).trim();
      String replacement;
      switch (m.group(1)) {
        case "code": replacement = "`" + body + "`"; break;
        case "literal": replacement = body; break;
        case "value": replacement = constant(body, elements, constants); break;
        default: {
          // {@link Type#member label}: the label if any, else the reference.
          String[] refAndLabel = body.split("\\s+", 2);
          replacement = refAndLabel.length == 2 ? refAndLabel[1] : "`" + refAndLabel[0].replace('#', '.').replaceAll("^\\.", "") + "`";
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    String plain = HTML.matcher(out).replaceAll(" ");
    return plain.replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("(?<!\\n)\\n(?!\\n)", " ").replaceAll(" {2,}", " ").trim();
  }

  // {@value #NAME} of a constant of the interface: its value, quoted like the Java literal's text.
  private static String constant(String reference, Elements elements, Element constants) {
    String name = reference.substring(reference.indexOf('#') + 1);
    if (constants != null) {
      for (Element member : constants.getEnclosedElements()) {
        if (member.getKind() == ElementKind.FIELD && member.getSimpleName().contentEquals(name)) {
          Object value = ((VariableElement) member).getConstantValue();
          if (value != null) return "`" + (value instanceof String ? "\"" + value + "\"" : value) + "`";
        }
      }
    }
    return "`" + name + "`";
  }

  private static String firstSentence(String text) {
    Matcher end = Pattern.compile("[.!?](\\s|$)").matcher(text);
    return end.find() ? text.substring(0, end.start() + 1) : text;
  }
}
