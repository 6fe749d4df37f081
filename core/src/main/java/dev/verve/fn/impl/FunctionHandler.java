package dev.verve.fn.impl;

import dev.verve.auth.Caller;
import dev.verve.auth.CallerHeader;
import dev.verve.fn.ApiOptions;
import dev.verve.fn.CallFailures;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.http.HttpProblem;
import dev.verve.http.OriginGuard;
import dev.verve.http.Problems;
import dev.verve.http.RequestLimit;
import dev.verve.http.StatusTimers;
import dev.verve.http.Tracked;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The HTTP side of a server function, mounted on {@code <api.prefix>/*}: {@link #handle} runs before the
 * body is read (steps 2-6 of the flow in {@code package-info}), {@code invoke} after it (steps 7-8);
 * {@link ReplyMapper} does steps 12-13.
 */
final class FunctionHandler implements Handler<RoutingContext> {

  private static final CharSequence BEARER = HttpHeaders.createOptimized("Bearer");
  private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
  private static final long BODY_GRACE_MS = 1000;

  private final Vertx vertx;
  private final FunctionsImpl functions;
  private final Map<String, ServiceDescriptor> services;
  private final LocalFunctions local;
  private final long timeoutMs;
  private final long bodyLimit;
  private final String prefix;
  private final int prefixLength;
  private final MeterRegistry registry;
  private final RequestLimit limit;
  private final RequestLimit bodies;
  private final RequestLimit streams;
  private final long keepAliveMs;
  // Items sent by each stream function, made once.
  private final Map<MethodDescriptor, Counter> streamItems = new ConcurrentHashMap<>();
  // The functions found by their exact path (one entry per function called before the router), made once.
  private final Map<String, Target> byPath = new ConcurrentHashMap<>();
  // The timers of each function, made once.
  private final Map<MethodDescriptor, StatusTimers> timers = new ConcurrentHashMap<>();

  FunctionHandler(Vertx vertx, FunctionsImpl functions, LocalFunctions local, ApiOptions options,
                  MeterRegistry registry, RequestLimit limit, RequestLimit bodies, RequestLimit streams) {
    this.vertx = vertx;
    this.functions = functions;
    this.services = functions.exposed();
    this.local = local;
    this.registry = registry;
    this.limit = limit;
    this.bodies = bodies;
    this.streams = streams;
    this.keepAliveMs = options.getStreamKeepAliveMs();
    Gauge.builder("verve.streams.open", streams, RequestLimit::inFlight)
      .description("Stream answers this node is writing").register(registry);
    this.timeoutMs = options.getTimeoutMs();
    this.bodyLimit = options.getBodyLimit();
    this.prefix = options.getPrefix();
    this.prefixLength = prefix.length();
  }

  /** A call that came through the router (every kind: JSON, forms, streams, and every refusal). */
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
        ? "There is no server function interface named '" + Names.printable(serviceName) + "'"
        : service.name() + " has no function named '" + Names.printable(methodName) + "'"));
      return;
    }
    call(HttpCall.routed(ctx), service, method, timers(service, method));
  }

  /**
   * Takes a JSON {@code POST} to a function served over HTTP before the router sees it, and returns true; a
   * request that is anything else is left alone (false) for the router. Only for a request the router's shared
   * handlers would all pass on unchanged, for an anonymous caller ({@code dev.verve.http.RouterBypass}
   * decides); {@code taken} hears of it first. The call then goes through the same steps as one that came through the router, and gets the
   * same answers. The path must name the function exactly (no percent-encoding, no dot segments), so it
   * is what the router would have normalized it to.
   */
  boolean takeDirect(HttpServerRequest request, Handler<HttpServerRequest> taken) {
    if (request.method() != HttpMethod.POST) return false;
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null || !isJson(contentType)) return false;
    String path = request.path();
    Target target = byPath.get(path);
    if (target == null) {
      target = target(path);
      if (target == null) return false;
      byPath.put(path, target);
    }
    taken.handle(request);
    call(HttpCall.direct(request), target.service(), target.method(), target.timers());
    return true;
  }

  // The function a path names exactly, or null.
  private Target target(String path) {
    int slash = path.indexOf('/', prefixLength + 1);
    if (slash < 0 || path.length() <= prefixLength + 1 || path.charAt(prefixLength) != '/'
      || !path.startsWith(prefix) || path.indexOf('/', slash + 1) >= 0) {
      return null;
    }
    ServiceDescriptor service = services.get(path.substring(prefixLength + 1, slash));
    MethodDescriptor method = service == null ? null : service.method(path.substring(slash + 1));
    return method == null ? null : new Target(service, method, timers(service, method));
  }

  // What a call to one path needs, found with one lookup.
  private record Target(ServiceDescriptor service, MethodDescriptor method, StatusTimers timers) { }

  /**
   * Steps 2-6: takes a place, checks the HTTP method, the caller and the content type, then reads the body
   * with its limit and parses it (JSON, or a form's fields); {@link #invoke} does the rest.
   */
  private void call(HttpCall call, ServiceDescriptor service, MethodDescriptor method, StatusTimers timers) {
    // From here on the call is timed (latency by status). While its body arrives it holds a place among the
    // node's api.maxBodiesInFlight; once complete, one among its api.maxInFlight (invoke).
    HttpServerRequest request = call.request();
    Tracked tracked = call.track(timers);
    if (request.isEnded() ? !tracked.hold(limit) : !tracked.hold(bodies) && !graceForBody(call)) {
      overloaded(call.response());
      return;
    }
    if (request.method() != HttpMethod.POST) {
      call.response().putHeader(HttpHeaders.ALLOW, "POST");
      call.fail(new HttpProblem(405, "Server functions are called with POST"));
      return;
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    boolean json = contentType == null || isJson(contentType);
    boolean form = !json && FormBody.isForm(contentType);
    // Form content types are what any site can make a browser send: this site's own pages only.
    if (form && !isSameOriginForm(request)) {
      call.fail(new HttpProblem(403, "Forms are accepted from this site's own pages only"));
      return;
    }
    // Checked early, before the body is read; enforced again where the function runs.
    Caller caller = call.caller();
    int refused = method.access().check(caller);
    if (refused != 0) {
      if (refused == 401) call.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, BEARER);
      HttpProblem problem = new HttpProblem(refused, method.access().refusal(service.name() + "." + method.name(), refused));
      if (form) new FormAnswer(call.routingContext()).fail(problem);
      else call.fail(problem);
      return;
    }
    if (!json) {
      if (form) {
        formCall(call.routingContext(), service, method, tracked);
      } else {
        call.fail(new HttpProblem(415, "Send the arguments as application/json (or post a form)"));
      }
      return;
    }
    LimitedBody.read(call, bodyLimit, body -> {
      JsonObject args = parseArguments(call, body);
      if (args != null) invoke(call, service, method, args, null, tracked);
    });
  }

  // Over api.maxBodiesInFlight: a body that arrives whole within a second (a complete call's does, in
  // microseconds; its body was only not read yet) goes on without a place among the bodies; a stalled one is
  // refused then, and its connection closed, since the rest of its body cannot be told from the next request.
  private boolean graceForBody(HttpCall call) {
    vertx.setTimer(BODY_GRACE_MS, id -> {
      if (!call.request().isEnded() && !call.response().ended()) {
        call.response().putHeader(HttpHeaders.CONNECTION, "close");
        overloaded(call.response());
        call.request().connection().close();
      }
    });
    return true;
  }

  private static void overloaded(HttpServerResponse response) {
    Problems.send(response, new HttpProblem(503,
      "The server is serving as many calls as it can; try again in a moment").retryAfter(1));
  }

  // No foreign Origin, and no Sec-Fetch-Site but this site's own (or the user's: "none").
  private static boolean isSameOriginForm(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String site = request.getHeader(SEC_FETCH_SITE);
    return (origin == null || OriginGuard.isSameOrigin(request, origin))
      && (site == null || site.equalsIgnoreCase("same-origin") || site.equalsIgnoreCase("none"));
  }

  /** A form post: the same function, its fields converted with the descriptor's types. */
  private void formCall(RoutingContext ctx, ServiceDescriptor service, MethodDescriptor method, Tracked tracked) {
    FormAnswer answer = new FormAnswer(ctx);
    FormBody.read(ctx, bodyLimit, fields -> {
      answer.fields(fields);
      invoke(HttpCall.routed(ctx), service, method, method.fromForm(fields), answer, tracked);
    }, answer::fail);
  }

  /**
   * Steps 7-8: validates the arguments, then calls the function: in process when it runs on this event
   * loop ({@link LocalFunctions}), else over the event bus. {@code form}
   * is {@code null} for a JSON call, else how to answer the form post.
   */
  private void invoke(HttpCall call, ServiceDescriptor service, MethodDescriptor method, JsonObject args,
                      FormAnswer form, Tracked tracked) {
    if (method.isStream() && form != null) {
      form.fail(new HttpProblem(400, service.name() + "." + method.name() + " answers with a stream: call it with fetch,"
        + " not as a form's action"));
      return;
    }
    // The body is complete: the call now takes one of the places of the calls being served (a stream, one
    // of the streams', for as long as it is open).
    if (!tracked.hold(method.isStream() ? streams : limit)) {
      overloaded(call.response());
      return;
    }
    List<MethodDescriptor.ArgumentError> errors = method.validate(args);
    if (!errors.isEmpty()) {
      HttpProblem problem = new HttpProblem(400,
        "Invalid arguments for " + service.name() + "." + method.name() + ": "
          + errors.stream().map(Object::toString).collect(Collectors.joining("; ")),
        new JsonObject().put("errors", new JsonArray(errors.stream()
          .map(MethodDescriptor.ArgumentError::toJson).collect(Collectors.toList()))));
      if (form == null) call.fail(problem);
      else form.fail(problem);
      return;
    }
    Caller caller = call.caller();
    if (method.isStream()) {
      stream(call, service, method, args, caller);
      return;
    }
    // The access rule was checked before the body was read, for this caller: not again in process.
    Future<Message<Object>> reply = local.run(service, method, args, caller);
    if (reply == null) {
      DeliveryOptions options = new DeliveryOptions()
        .setSendTimeout(timeoutMs)
        .addHeader("action", method.name());
      if (caller.isSignedIn()) {
        options.addHeader(CallerHeader.NAME, caller.toJson().encode());
      }
      reply = vertx.eventBus().request(functions.addressOf(service), args, options);
    }
    reply.onComplete(ar -> {
      if (form == null) ReplyMapper.respond(call.response(), service, method, ar, timeoutMs);
      else form.reply(service, method, ar, timeoutMs);
    });
  }

  /**
   * A stream function: opened over the event bus on whichever node serves it (checked there again), then
   * written as it comes; a failure before the first item answers like a call's.
   */
  private void stream(HttpCall ctx, ServiceDescriptor service, MethodDescriptor method, JsonObject args, Caller caller) {
    String what = service.name() + "." + method.name();
    boolean ndjson = StreamResponse.wantsNdjson(ctx.request().getHeader(HttpHeaders.ACCEPT));
    Object local = functions.localImplementation(service);
    if (local != null) {
      // Served by this instance, on this event loop: its source is read here, paused by the response itself.
      LocalStream.open(local, method, args, caller, what).onComplete(ar -> {
        if (ar.failed()) {
          refused(ctx, ar.cause(), what);
          return;
        }
        LocalStream stream = ar.result();
        StreamResponse.start(vertx, ctx.request().connection(), ctx.response(), stream, stream::cancel, ndjson, what,
          timeoutMs, keepAliveMs, items(service, method), functions.writers());
      });
      return;
    }
    StreamReader.openAs(vertx, functions.addressOf(service), new DeliveryOptions().setSendTimeout(timeoutMs),
      method.name(), args, item -> item, caller).onComplete(ar -> {
        if (ar.failed()) {
          refused(ctx, ar.cause(), what);
          return;
        }
        StreamReader<Object> reader = ar.result();
        StreamResponse.start(vertx, ctx.request().connection(), ctx.response(), reader, reader::cancel, ndjson, what,
          timeoutMs, keepAliveMs, items(service, method), functions.writers());
      });
  }

  // Refused before the first item: the answer a call would get.
  private void refused(HttpCall ctx, Throwable cause, String what) {
    if (!ctx.response().closed() && !ctx.response().ended()) {
      Problems.send(ctx.response(), CallFailures.toProblem(cause, what, timeoutMs));
    }
  }

  private Counter items(ServiceDescriptor service, MethodDescriptor method) {
    Counter found = streamItems.get(method);
    if (found == null) {
      found = streamItems.computeIfAbsent(method, m -> Counter.builder("verve.stream.items")
        .description("Items sent by stream functions over HTTP")
        .tags("interface", service.name(), "method", m.name()).register(registry));
    }
    return found;
  }

  private static JsonObject parseArguments(HttpCall ctx, Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    if (ctx.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
      ctx.fail(new HttpProblem(415, "Send the arguments as application/json"));
      return null;
    }
    Object value;
    try {
      value = JsonBodies.decode(body);
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

  private StatusTimers timers(ServiceDescriptor service, MethodDescriptor method) {
    StatusTimers found = timers.get(method);
    if (found == null) {
      found = timers.computeIfAbsent(method, m -> new StatusTimers(registry, "verve.function.calls",
        "Server-function calls over HTTP, by response status", Tags.of("interface", service.name(), "method", m.name())));
    }
    return found;
  }
}
