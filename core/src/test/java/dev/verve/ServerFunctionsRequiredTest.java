package dev.verve;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade names the annotation an interface lacks, wherever it is handed one: register, expose, proxy. */
class ServerFunctionsRequiredTest {

  interface Plain {
  }

  @Test
  void anInterfaceWithoutServerFunctionsIsRefusedNamingTheAnnotation() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Verve verve = Verve.create(vertx);
      for (Runnable use : new Runnable[]{() -> verve.expose(Plain.class), () -> verve.proxy(Plain.class),
        () -> verve.register(Plain.class, new Plain() { })}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, use::run);
        assertTrue(e.getMessage().contains("is not a @ServerFunctions interface"), e.getMessage());
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
