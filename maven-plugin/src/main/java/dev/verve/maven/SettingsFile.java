package dev.verve.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dev settings as JSON, written on Maven's side, where Vert.x is not on the class path (the plugin's
 * class realm has Maven's API and this jar only); read by {@code DevSettings.fromJson} in the app's JVM.
 */
final class SettingsFile {

  private SettingsFile() {
  }

  static String json(Path projectDir, List<Path> sources, List<Path> resources, Path workDir,
                     List<Path> compileClasspath, List<String> compilerOptions, String mainVerticle) {
    return "{\n"
      + "  \"projectDir\": " + string(projectDir.toString()) + ",\n"
      + "  \"sources\": " + paths(sources) + ",\n"
      + "  \"resources\": " + paths(resources) + ",\n"
      + "  \"workDir\": " + string(workDir.toString()) + ",\n"
      + "  \"compileClasspath\": " + paths(compileClasspath) + ",\n"
      + "  \"processorPath\": [],\n"
      + "  \"compilerOptions\": " + strings(compilerOptions) + ",\n"
      + "  \"mainVerticle\": " + string(mainVerticle) + ",\n"
      + "  \"config\": {}\n"
      + "}\n";
  }

  private static String paths(List<Path> paths) {
    return strings(paths.stream().map(Path::toString).collect(Collectors.toList()));
  }

  private static String strings(List<String> values) {
    return values.stream().map(SettingsFile::string).collect(Collectors.joining(", ", "[", "]"));
  }

  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
