package dev.verve.codegen;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <Interface>VerveProxy}: vertx-service-proxy's event-bus proxy with the stream functions added. */
class VerveProxyGenTest {

  @Test
  void everyServerFunctionsInterfaceGetsOneExtendingTheServiceProxy() throws Exception {
    for (String iface : List.of("Counter", "Todos")) {
      Class<?> proxy = ValidFixture.load(iface + VerveProxyGen.SUFFIX);
      assertEquals(ValidFixture.load(iface + "VertxEBProxy"), proxy.getSuperclass());
      assertNotNull(proxy.getConstructor(Vertx.class, String.class, DeliveryOptions.class));
    }
  }

  @Test
  void streamFunctionsAreOverriddenOthersInherited() throws Exception {
    Class<?> proxy = ValidFixture.load("CounterVerveProxy");
    assertNotNull(proxy.getDeclaredMethod("count", int.class));
    assertThrows(NoSuchMethodException.class, () -> proxy.getDeclaredMethod("doubleServer", int.class));
  }

  @Test
  void streamOpensOverTheEventBus() {
    String source = ValidFixture.compilation().source("fixture/valid/CounterVerveProxy.java");
    assertTrue(source.contains("public class CounterVerveProxy extends CounterVertxEBProxy {\n"), source);
    assertTrue(source.contains("  @Override\n"
      + "  public Future<ReadStream<Integer>> count(int to) {\n"
      + "    JsonObject args = new JsonObject()\n"
      + "      .put(\"to\", to);\n"
      + "    return StreamCalls.open(vertx, address, options, \"count\", args, JsonResults::toInteger);\n"
      + "  }\n"), source);
  }

  @Test
  void parametersNamedLikeItsFieldsDoNotHideThem() {
    String source = ValidFixture.compilation().source("fixture/valid/TodosVerveProxy.java");
    assertTrue(source.contains("return StreamCalls.open(this.vertx, address, options, \"tallies\", args_, "), source);
    assertTrue(source.contains("return StreamCalls.open(vertx, address, options, \"colors\", new JsonObject(), "), source);
  }
}
