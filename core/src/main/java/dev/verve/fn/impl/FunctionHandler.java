package dev.verve.fn.impl;

import dev.verve.VerveOptions;
import dev.verve.auth.Auth;
import dev.verve.auth.Caller;
import dev.verve.auth.impl.CallerHeader;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.http.impl.HttpProblem;
import dev.verve.http.impl.OriginGuard;
import dev.verve.http.impl.Problems;
import dev.verve.ops.impl.Meters;
import dev.verve.ops.impl.Tracked;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
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
 * The HTTP side of a server function, mounted on {@code <api.prefix>/*}: {@link #handle} runs before the
 * body is read (steps 2-3 of the flow in {@code package-info}), {@code invoke} after it (steps 4-7);
 * {@link ReplyMapper} does the rest.
 */
public final class FunctionHandler implements Handler<RoutingContext> {

  private static final CharSequence BEARER = HttpHeaders.createOptimized("Bearer");
  private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

  private final Vertx vertx;
  private final Map<String, ServiceDescriptor> services;
  private final Function<ServiceDescriptor, String> addressOf;
  private final LocalFunctions local;
  private final long timeoutMs;
  private final long bodyLimit;
  private final String prefix;
  private final int prefixLength;
  private final Meters meters;

  public FunctionHandler(Vertx vertx, Map<String, ServiceDescriptor> services,
                         Function<ServiceDescriptor, String> addressOf, LocalFunctions local,
                         VerveOptions options, Meters meters) {
    this.local = local;
    this.vertx = vertx;
    this.meters = meters;
    this.services = services;
    this.addressOf = addressOf;
    this.timeoutMs = options.getTimeoutMs();
    this.bodyLimit = options.getBodyLimit();
    this.prefix = options.getApiPrefix();
    this.prefixLength = prefix.length();
  }

  /**
   * Steps 2-4: finds the function from the path (no pattern matching: one map lookup per segment), checks
   * the HTTP method, the caller and the content type, then reads the body with its limit and parses it (JSON,
   * or a form's fields); {@link #invoke} does the rest.
   */
  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    int slash = path.indexOf('/', prefixLength + 1);
    if (path.length() <= prefixLength + 1 || path.charAt(prefixLength) != '/' || slash < 0
      || path.indexOf('/', slash + 1) >= 0) {
      ctx.fail(new HttpProblem(404, "Server functions live at POST " + prefix + "/<Interface>/<method>"));
      return;
    }
    String serviceName = path.substring(prefixLength + 1, slash);
    String methodName = path.substring(slash + 1);
    ServiceDescriptor service = services.get(serviceName);
    MethodDescriptor method = service == null ? null : service.method(methodName);
    if (method == null) {
      ctx.fail(new HttpProblem(404, service == null
        ? "There is no server function interface named '" + printable(serviceName) + "'"
        : service.name() + " has no function named '" + printable(methodName) + "'"));
      return;
    }
    // From here on the call is counted (latency by status) and holds one of the node's api.maxInFlight places.
    if (!Tracked.begin(ctx, meters.function(service, method), meters.limit())) {
      Problems.send(ctx.response(), new HttpProblem(503,
        "The server is serving as many calls as it can; try again in a moment").retryAfter(1));
      return;
    }
    HttpServerRequest request = ctx.request();
    if (request.method() != HttpMethod.POST) {
      ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
      ctx.fail(new HttpProblem(405, "Server functions are called with POST"));
      return;
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    boolean json = contentType == null || isJson(contentType);
    boolean form = !json && FormBody.isForm(contentType);
    // Form content types are what any site can make a browser send: this site's own pages only.
    if (form && !isSameOriginForm(request)) {
      ctx.fail(new HttpProblem(403, "Forms are accepted from this site's own pages only"));
      return;
    }
    // Checked early, before the body is read; enforced again where the function runs.
    Caller caller = Auth.caller(ctx);
    int refused = method.access().check(caller);
    if (refused != 0) {
      if (refused == 401) ctx.response().putHeader(io.netty.handler.codec.http.HttpHeaderNames.WWW_AUTHENTICATE, BEARER);
      HttpProblem problem = new HttpProblem(refused, method.access().refusal(service.name() + "." + method.name(), refused));
      if (form) new FormAnswer(ctx).fail(problem);
      else ctx.fail(problem);
      return;
    }
    if (!json) {
      if (form) {
        formCall(ctx, service, method);
      } else {
        ctx.fail(new HttpProblem(415, "Send the arguments as application/json (or post a form)"));
      }
      return;
    }
    LimitedBody.read(ctx, bodyLimit, body -> {
      JsonObject args = parseArguments(ctx, body);
      if (args != null) invoke(ctx, service, method, args, null);
    });
  }

  // No foreign Origin, and no Sec-Fetch-Site but this site's own (or the user's: "none").
  private static boolean isSameOriginForm(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String site = request.getHeader(SEC_FETCH_SITE);
    return (origin == null || OriginGuard.isSameOrigin(request, origin))
      && (site == null || site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none"));
  }

  /** A form post: the same function, its fields converted with the descriptor's types. */
  private void formCall(RoutingContext ctx, ServiceDescriptor service, MethodDescriptor method) {
    FormAnswer answer = new FormAnswer(ctx);
    FormBody.read(ctx, bodyLimit, fields -> {
      answer.fields(fields);
      invoke(ctx, service, method, method.fromForm(fields), answer);
    }, answer::fail);
  }

  /**
   * Steps 5-7: validates the arguments, then calls the function: in-process when it runs on this event
   * loop ({@link LocalFunctions}), else over the event bus. {@code form}
   * is {@code null} for a JSON call, else how to answer the form post.
   */
  private void invoke(RoutingContext ctx, ServiceDescriptor service, MethodDescriptor method, JsonObject args,
                      FormAnswer form) {
    List<MethodDescriptor.ArgumentError> errors = method.validate(args);
    if (!errors.isEmpty()) {
      HttpProblem problem = new HttpProblem(400,
        "Invalid arguments for " + service.name() + "." + method.name() + ": "
          + errors.stream().map(Object::toString).collect(Collectors.joining("; ")),
        new JsonObject().put("errors", new JsonArray(errors.stream()
          .map(MethodDescriptor.ArgumentError::toJson).collect(Collectors.toList()))));
      if (form == null) ctx.fail(problem);
      else form.fail(problem);
      return;
    }
    Caller caller = Auth.caller(ctx);
    Future<Message<Object>> reply = local.call(service, method, args, caller);
    if (reply == null) {
      DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(timeoutMs)
        .addHeader("action", method.name());
      if (caller.isSignedIn()) {
        options.addHeader(CallerHeader.NAME, caller.toJson().encode());
      }
      reply = vertx.eventBus().request(addressOf.apply(service), args, options);
    }
    reply.onComplete(ar -> {
      if (form == null) ReplyMapper.respond(ctx, service, method, ar, timeoutMs);
      else form.reply(service, method, ar, timeoutMs);
    });
  }

  private static JsonObject parseArguments(RoutingContext ctx, Buffer body) {
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
    // What clients send, checked without a copy: "application/json", maybe with parameters.
    if (contentType.regionMatches(true, 0, "application/json", 0, 16)
      && (contentType.length() == 16 || contentType.charAt(16) == ';')) {
      return true;
    }
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
