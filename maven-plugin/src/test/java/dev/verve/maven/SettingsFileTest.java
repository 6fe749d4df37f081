package dev.verve.maven;

import dev.verve.maven.dev.DevMain;
import dev.verve.maven.dev.DevSettings;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the Mojo writes without Vert.x is what the app's JVM reads with it. */
class SettingsFileTest {

  @Test
  void theAppsJvmReadsWhatMavenWrote() {
    Path odd = Path.of("/home/ada/My \"quoted\" \\ project\tdir");
    String json = SettingsFile.json(odd, List.of(odd.resolve("src/main/java")), List.of(odd.resolve("src/main/resources")),
      odd.resolve("target/verve-dev"), List.of(Path.of("/repo/a.jar"), Path.of("/repo/b.jar")),
      List.of("--release", "17", "-Averve.templates=templates,bench"), "com.example.App");
    DevSettings settings = DevSettings.fromJson(new JsonObject(json));
    assertEquals(odd, settings.projectDir());
    assertEquals(List.of(Path.of("/repo/a.jar"), Path.of("/repo/b.jar")), settings.compileClasspath());
    assertEquals(List.of("--release", "17", "-Averve.templates=templates,bench"), settings.compilerOptions());
    assertEquals("com.example.App", settings.mainVerticle());
  }

  @Test
  void theMojoStartsTheDevRunnersMainClass() {
    assertEquals(DevMain.class.getName(), DevMojo.DEV_MAIN);
  }
}
