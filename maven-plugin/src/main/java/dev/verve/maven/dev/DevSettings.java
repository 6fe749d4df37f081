package dev.verve.maven.dev;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What dev mode needs to know of a project, written by {@code verve:dev} as JSON for the app's JVM: where
 * its sources and resources are, how Maven compiles it (class path, annotation processor path if one is
 * configured, compiler options), its main verticle, and a work directory for the classes it compiles.
 */
public final class DevSettings {

  final Path projectDir;
  final List<Path> sources;
  final List<Path> resources;
  final Path workDir;
  final List<Path> compileClasspath;
  final List<Path> processorPath;
  final List<String> compilerOptions;
  final String mainVerticle;
  final JsonObject config;

  public DevSettings(Path projectDir, List<Path> sources, List<Path> resources, Path workDir,
                     List<Path> compileClasspath, List<Path> processorPath, List<String> compilerOptions,
                     String mainVerticle, JsonObject config) {
    this.projectDir = projectDir;
    this.sources = List.copyOf(sources);
    this.resources = List.copyOf(resources);
    this.workDir = workDir;
    this.compileClasspath = List.copyOf(compileClasspath);
    this.processorPath = List.copyOf(processorPath);
    this.compilerOptions = List.copyOf(compilerOptions);
    this.mainVerticle = mainVerticle;
    this.config = config.copy();
  }

  public Path projectDir() { return projectDir; }

  public List<Path> compileClasspath() { return compileClasspath; }

  public List<String> compilerOptions() { return compilerOptions; }

  public String mainVerticle() { return mainVerticle; }

  public JsonObject toJson() {
    return new JsonObject()
      .put("projectDir", projectDir.toString())
      .put("sources", paths(sources))
      .put("resources", paths(resources))
      .put("workDir", workDir.toString())
      .put("compileClasspath", paths(compileClasspath))
      .put("processorPath", paths(processorPath))
      .put("compilerOptions", new JsonArray(List.copyOf(compilerOptions)))
      .put("mainVerticle", mainVerticle)
      .put("config", config);
  }

  public static DevSettings fromJson(JsonObject json) {
    return new DevSettings(Path.of(json.getString("projectDir")), paths(json.getJsonArray("sources")),
      paths(json.getJsonArray("resources")), Path.of(json.getString("workDir")),
      paths(json.getJsonArray("compileClasspath")), paths(json.getJsonArray("processorPath", new JsonArray())),
      json.getJsonArray("compilerOptions", new JsonArray()).stream().map(String::valueOf).collect(Collectors.toList()),
      json.getString("mainVerticle"), json.getJsonObject("config", new JsonObject()));
  }

  private static JsonArray paths(List<Path> paths) {
    return new JsonArray(paths.stream().map(Path::toString).collect(Collectors.toList()));
  }

  private static List<Path> paths(JsonArray array) {
    return array.stream().map(p -> Path.of(String.valueOf(p))).collect(Collectors.toList());
  }
}
