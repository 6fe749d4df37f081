package dev.verve.fn.impl;

import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.http.impl.HttpProblem;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The HTTP side of a server function: {@link #resolve} runs before the body is read (steps 2-3 of the
 * flow in {@code package-info}), {@link #invoke} after it (steps 4-7); {@link ReplyMapper} does the rest.
 */
public final class FunctionHandler {

  private static final String METHOD_KEY = "verve.method";
  private static final String SERVICE_KEY = "verve.service";

  private final Vertx vertx;
  private final Map<String, ServiceDescriptor> services;
  private final Function<ServiceDescriptor, String> addressOf;
  private final long timeoutMs;

  public FunctionHandler(Vertx vertx, Map<String, ServiceDescriptor> services,
                         Function<ServiceDescriptor, String> addressOf, long timeoutMs) {
    this.vertx = vertx;
    this.services = services;
    this.addressOf = addressOf;
    this.timeoutMs = timeoutMs;
  }

  /** Finds the function, then checks the HTTP method and content type, before any body is read. */
  public void resolve(RoutingContext ctx) {
    String serviceName = ctx.pathParam("service");
    String methodName = ctx.pathParam("method");
    ServiceDescriptor service = services.get(serviceName);
    MethodDescriptor method = service == null ? null : service.method(methodName);
    if (method == null) {
      ctx.fail(new HttpProblem(404, service == null
        ? "There is no server function interface named '" + printable(serviceName) + "'"
        : service.name() + " has no function named '" + printable(methodName) + "'"));
      return;
    }
    if (ctx.request().method() != HttpMethod.POST) {
      ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
      ctx.fail(new HttpProblem(405, "Server functions are called with POST"));
      return;
    }
    String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType != null && !isJson(contentType)) {
      ctx.fail(new HttpProblem(415, "Send the arguments as application/json"));
      return;
    }
    ctx.put(SERVICE_KEY, service);
    ctx.put(METHOD_KEY, method);
    ctx.next();
  }

  /** Parses and validates the arguments, then sends them to the function over the event bus. */
  public void invoke(RoutingContext ctx) {
    ServiceDescriptor service = ctx.get(SERVICE_KEY);
    MethodDescriptor method = ctx.get(METHOD_KEY);
    JsonObject args = parseArguments(ctx);
    if (args == null) {
      return;
    }
    List<MethodDescriptor.ArgumentError> errors = method.validate(args);
    if (!errors.isEmpty()) {
      ctx.fail(new HttpProblem(400,
        "Invalid arguments for " + service.name() + "." + method.name() + ": "
          + errors.stream().map(Object::toString).collect(Collectors.joining("; ")),
        new JsonObject().put("errors", new JsonArray(errors.stream()
          .map(MethodDescriptor.ArgumentError::toJson).collect(Collectors.toList())))));
      return;
    }
    DeliveryOptions options = new DeliveryOptions()
      .setSendTimeout(timeoutMs)
      .addHeader("action", method.name());
    vertx.eventBus().<Object>request(addressOf.apply(service), args, options)
      .onComplete(ar -> ReplyMapper.respond(ctx, service, method, ar, timeoutMs));
  }

  private static JsonObject parseArguments(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    if (ctx.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
      ctx.fail(new HttpProblem(415, "Send the arguments as application/json"));
      return null;
    }
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      ctx.fail(new HttpProblem(400, "The request body is not valid JSON"));
      return null;
    }
    if (!(value instanceof JsonObject)) {
      ctx.fail(new HttpProblem(400,
        "The request body must be a JSON object keyed by parameter names, e.g. {\"number\": 21}"));
      return null;
    }
    return (JsonObject) value;
  }

  static boolean isJson(String contentType) {
    int semi = contentType.indexOf(';');
    String mediaType = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    return mediaType.equalsIgnoreCase("application/json");
  }

  // Names from the URL are echoed in the detail: keep them short and plain.
  private static String printable(String s) {
    String t = s.length() > 64 ? s.substring(0, 64) + "..." : s;
    return t.replaceAll("[^\\p{Alnum}_$.\\-]", "?");
  }
}
