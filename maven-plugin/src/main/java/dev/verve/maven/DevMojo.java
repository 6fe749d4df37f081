package dev.verve.maven;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code mvn verve:dev}: runs the app in dev mode in a JVM of its own (the app's dependencies on its class
 * path, Verve's dev runner beside them), with {@code dev=true}. A saved change under {@code src/main/java} or
 * {@code src/main/resources} is compiled with this project's compiler settings and processors and the app
 * redeployed in a fresh class loader, in the same JVM, on the same port; open pages reload themselves.
 */
@Mojo(name = "dev", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class DevMojo extends AbstractMojo {

  private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  /** The app's main verticle; by default {@code exec.args}, which Verve's starter sets to it. */
  @Parameter(property = "verve.verticle", defaultValue = "${exec.args}")
  private String verticle;

  /** Options for the app's JVM, e.g. {@code -Xmx512m}. */
  @Parameter(property = "verve.jvmArgs")
  private String jvmArgs;

  @Override
  public void execute() throws MojoExecutionException {
    if (verticle == null || verticle.isBlank() || verticle.trim().contains(" ")) {
      throw new MojoExecutionException("verve:dev needs the app's main verticle: set the property exec.args"
        + " (Verve's starter does) or verve.verticle to its class name, e.g. -Dverve.verticle=com.example.App");
    }
    try {
      Path work = Path.of(project.getBuild().getDirectory(), "verve-dev");
      Files.createDirectories(work);
      Path settingsFile = work.resolve("settings.json");
      Files.writeString(settingsFile, settings(work));
      run(settingsFile);
    } catch (IOException | DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("verve:dev could not start: " + e.getMessage(), e);
    }
  }

  // Only Maven's API and this jar are in the plugin's class realm: no Vert.x, no dev runner class here.
  static final String DEV_MAIN = "dev.verve.maven.dev.DevMain";

  private String settings(Path work) throws DependencyResolutionRequiredException {
    Path basedir = project.getBasedir().toPath();
    List<Path> sources = project.getCompileSourceRoots().stream().map(Path::of).collect(Collectors.toList());
    List<Path> resources = project.getResources().stream().map(r -> Path.of(r.getDirectory()))
      .collect(Collectors.toList());
    return SettingsFile.json(basedir, sources, resources, work, withoutOwnClasses(project.getCompileClasspathElements()),
      compilerOptions(), verticle.trim());
  }

  // The options maven-compiler-plugin would give javac for this project, as far as dev mode needs them.
  private List<String> compilerOptions() {
    List<String> options = new ArrayList<>();
    Xpp3Dom config = compilerConfiguration();
    String encoding = value(config, "encoding", project.getProperties().getProperty("project.build.sourceEncoding"));
    options.add("-encoding");
    options.add(encoding == null ? "UTF-8" : encoding);
    String release = value(config, "release", project.getProperties().getProperty("maven.compiler.release"));
    if (release != null) {
      options.add("--release");
      options.add(release);
    } else {
      String source = value(config, "source", project.getProperties().getProperty("maven.compiler.source"));
      String target = value(config, "target", project.getProperties().getProperty("maven.compiler.target"));
      if (source != null) { options.add("-source"); options.add(source); }
      if (target != null) { options.add("-target"); options.add(target); }
    }
    if ("true".equals(value(config, "parameters", project.getProperties().getProperty("maven.compiler.parameters")))) {
      options.add("-parameters");
    }
    String proc = value(config, "proc", null);
    if (proc != null) options.add("-proc:" + proc);
    Xpp3Dom args = config == null ? null : config.getChild("compilerArgs");
    if (args != null) {
      for (Xpp3Dom arg : args.getChildren()) options.add(arg.getValue());
    }
    return options;
  }

  private Xpp3Dom compilerConfiguration() {
    Plugin compiler = project.getPlugin(COMPILER);
    return compiler == null ? null : (Xpp3Dom) compiler.getConfiguration();
  }

  private static String value(Xpp3Dom config, String name, String fallback) {
    Xpp3Dom child = config == null ? null : config.getChild(name);
    return child == null || child.getValue() == null ? fallback : child.getValue().trim();
  }

  // target/classes is what Maven compiled: dev mode compiles its own, one directory per generation.
  private List<Path> withoutOwnClasses(List<String> elements) {
    Path own = Path.of(project.getBuild().getOutputDirectory());
    return elements.stream().map(Path::of).filter(p -> !p.equals(own)).collect(Collectors.toList());
  }

  private void run(Path settingsFile) throws IOException, DependencyResolutionRequiredException,
    MojoExecutionException {
    List<String> classpath = withoutOwnClasses(project.getRuntimeClasspathElements()).stream()
      .map(Path::toString).collect(Collectors.toCollection(ArrayList::new));
    classpath.add(plugin.getPluginArtifact().getFile().getAbsolutePath());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (Runtime.version().feature() >= 22) command.add("--enable-native-access=ALL-UNNAMED");
    if (jvmArgs != null && !jvmArgs.isBlank()) command.addAll(List.of(jvmArgs.trim().split("\\s+")));
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(DEV_MAIN);
    command.add(settingsFile.toString());
    Process app = new ProcessBuilder(command).directory(project.getBasedir()).inheritIO().start();
    Thread stop = new Thread(app::destroy, "verve-dev-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      int exit = app.waitFor();
      if (exit != 0 && exit != 130 && exit != 143) {
        throw new MojoExecutionException("the app's JVM exited with " + exit);
      }
    } catch (InterruptedException e) {
      app.destroy();
      Thread.currentThread().interrupt();
    }
  }
}
