package dev.verve.fn;

import dev.verve.auth.Access;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MethodDescriptorTest {

  enum Size { S, M }

  static final ServiceDescriptor SERVICE = ServiceDescriptor.builder(Runnable.class, "addr")
    .method("f", false, Access.anonymousAllowed(),
      ParamDescriptor.of("n", ArgType.INT),
      ParamDescriptor.of("s", ArgType.STRING),
      ParamDescriptor.nullable("opt", ArgType.LONG))
    .method("g", true, Access.permitAll())
    .build();

  static List<MethodDescriptor.ArgumentError> validate(String method, JsonObject args) {
    return SERVICE.method(method).validate(args);
  }

  @Test
  void validArgumentsGiveNoErrors() {
    assertTrue(validate("f", new JsonObject().put("n", 1).put("s", "x")).isEmpty());
    assertTrue(validate("f", new JsonObject().put("n", 1).put("s", "x").put("opt", 5L)).isEmpty());
    assertTrue(validate("g", new JsonObject()).isEmpty());
  }

  @Test
  void eachProblemNamesItsArgument() {
    List<MethodDescriptor.ArgumentError> errors = validate("f", new JsonObject().put("n", 1.5).put("zzz", 1));
    assertEquals(List.of("n", "s", "zzz"), errors.stream().map(MethodDescriptor.ArgumentError::argument).toList());
  }

  @Test
  void anUnknownArgumentIsCaughtEvenWhenANullableOneIsMissing() {
    assertEquals(1, validate("f", new JsonObject().put("n", 1).put("s", "x").put("other", 1)).size());
  }

  @Test
  void integralTypesCheckRangeAndFractions() {
    assertNull(ArgType.INT.check(4.0));
    assertTrue(ArgType.INT.check(2.5).contains("whole"));
    assertTrue(ArgType.INT.check(3_000_000_000L).contains("2147483647"));
    assertTrue(ArgType.BYTE.check(200) != null);
    assertNull(ArgType.LONG.check(Long.MAX_VALUE));
    assertTrue(ArgType.LONG.check(new java.math.BigInteger("99999999999999999999")) != null);
    assertTrue(ArgType.INT.check(Double.POSITIVE_INFINITY) != null);
  }

  @Test
  void containersCheckEveryItem() {
    ArgType list = ArgType.listOf(ArgType.STRING);
    assertNull(list.check(new JsonArray().add("a")));
    assertTrue(list.check(new JsonArray().add("a").add(2)).startsWith("item 1"));
    ArgType map = ArgType.mapOf(ArgType.INT);
    assertNull(map.check(new JsonObject().put("a", 1)));
    assertTrue(map.check(new JsonObject().put("a", "1")).contains("'a'"));
  }

  @Test
  void enumsAcceptTheirConstantNamesOnly() {
    ArgType size = ArgType.enumOf(Size.class);
    assertNull(size.check("S"));
    assertTrue(size.check("s").contains("S, M"));
  }

  @Test
  void dataObjectsAreCheckedByDecoding() {
    ArgType point = ArgType.dataObject("Point", v -> ((JsonObject) v).getInteger("x"));
    assertNull(point.check(new JsonObject().put("x", 1)));
    assertTrue(point.check(new JsonObject().put("x", "one")) != null);
    assertTrue(point.check("nope") != null);
  }
}
