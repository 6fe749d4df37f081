package dev.verve.page.impl;

import dev.verve.http.ErrorPages;
import dev.verve.auth.Access;
import dev.verve.auth.Auth;
import dev.verve.auth.Caller;
import dev.verve.fn.CallFailures;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.http.HttpProblem;
import dev.verve.http.Flash;
import dev.verve.http.Problems;
import dev.verve.http.RequestLimit;
import dev.verve.http.StatusTimers;
import dev.verve.http.Tracked;
import dev.verve.page.Page;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Serves one page: starts every awaited future at once, composes them (never a blocking wait), then
 * renders the template once and writes it once (one buffer), with the state block and the runtime inserted
 * before {@code </body>}. Any failure before the write becomes a whole error page with an honest status.
 */
public final class PageImpl implements Page, Handler<RoutingContext> {

  private static final CharSequence TEXT_HTML = HttpHeaders.createOptimized("text/html; charset=utf-8");
  private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
  private static final String TOO_LONG = "The page took too long to prepare. Please try again.";

  /** What a form post flashes for the page it leads to; in the template context and the state. */
  private static final List<String> FLASHED = List.of("problem", "values", "result", "answered");

  private final String template;
  private final PageRenderer renderer;
  private final boolean dev;
  private final List<String> names = new ArrayList<>();
  private final List<Function<RoutingContext, Future<?>>> sources = new ArrayList<>();
  private final Map<String, Object> constants = new LinkedHashMap<>();
  private final JsonObject resources = new JsonObject();
  private final JsonObject subscriptions = new JsonObject();
  private final JsonObject live = new JsonObject();
  private final StatusTimers timers;
  private final RequestLimit limit;
  private long timeoutMs;
  private Access access = Access.anonymousAllowed();

  public PageImpl(String template, PageRenderer renderer, long timeoutMs, boolean dev, StatusTimers timers,
                  RequestLimit limit) {
    this.template = template;
    this.timers = timers;
    this.limit = limit;
    this.renderer = renderer;
    this.timeoutMs = timeoutMs;
    this.dev = dev;
  }

  @Override
  public Page await(String name, Function<RoutingContext, Future<?>> source) {
    checkName(name);
    names.add(name);
    sources.add(Objects.requireNonNull(source, "source"));
    return this;
  }

  @Override
  public Page value(String name, Object value) {
    checkName(name);
    constants.put(name, DataObjects.toJsonValue(value));
    return this;
  }

  @Override
  public Page resource(String name, Class<?> iface, String method, JsonObject args) {
    checkName(name);
    ServiceDescriptor service = ServiceDescriptor.of(iface);
    if (service.method(method) == null) {
      throw new IllegalArgumentException(iface.getSimpleName() + " has no function " + method);
    }
    resources.put(name, new JsonObject().put("service", service.name()).put("method", method)
      .put("args", args == null ? new JsonObject() : args));
    return this;
  }

  @Override
  public Page subscribe(String name, String address) {
    if (name == null || name.isEmpty() || address == null || address.isEmpty()) {
      throw new IllegalArgumentException("subscribe needs a name and an address");
    }
    subscriptions.put(name, address);
    return this;
  }

  @Override
  public Page live(String name, String key, Class<?> iface, String method, JsonObject args) {
    ServiceDescriptor service = ServiceDescriptor.of(iface);
    MethodDescriptor stream = service.method(method);
    if (stream == null || !stream.isStream()) {
      throw new IllegalArgumentException(iface.getSimpleName() + " has no stream function " + method
        + " (a method returning Future<ReadStream<T>>)");
    }
    return addLive(name, key, new JsonObject().put("service", service.name()).put("method", method)
      .put("args", args == null ? new JsonObject() : args));
  }

  @Override
  public Page live(String name, String key, String address) {
    if (address == null || address.isEmpty()) throw new IllegalArgumentException("live needs an address");
    return addLive(name, key, new JsonObject().put("address", address));
  }

  private Page addLive(String name, String key, JsonObject source) {
    if (!names.contains(name) && !constants.containsKey(name)) {
      throw new IllegalArgumentException("A live list keeps a page value live: declare " + name
        + " with await(...) or value(...) first");
    }
    if (key == null || key.isEmpty()) throw new IllegalArgumentException("A live list needs the items' key member");
    live.put(name, source.put("key", key));
    return this;
  }

  @Override
  public Page timeout(long timeoutMs) {
    if (timeoutMs <= 0) throw new IllegalArgumentException("timeout must be positive");
    this.timeoutMs = timeoutMs;
    return this;
  }

  private void checkName(String name) {
    if (name == null || name.isEmpty() || name.startsWith("$")) {
      throw new IllegalArgumentException("A page value needs a name not starting with '$': " + name);
    }
    if (name.equals("caller")) {
      throw new IllegalArgumentException("caller is the signed-in user's name and roles, in every page already");
    }
    if (names.contains(name) || constants.containsKey(name) || resources.containsKey(name)) {
      throw new IllegalArgumentException("The page already has a value named " + name);
    }
  }

  @Override
  public Page anonymousAllowed() {
    access = Access.anonymousAllowed();
    return this;
  }

  @Override
  public Page permitAll() {
    access = Access.permitAll();
    return this;
  }

  @Override
  public Page rolesAllowed(String... roles) {
    access = Access.rolesAllowed(roles);
    return this;
  }

  @Override
  public Page denyAll() {
    access = Access.denyAll();
    return this;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!Tracked.begin(ctx, timers, limit)) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
      ErrorPages.send(ctx.response(), 503, "The server is busy. Please try again in a moment.");
      return;
    }
    Caller caller = Auth.caller(ctx);
    int refused = access.check(caller);
    if (refused == 401) {
      // A visitor who may sign in: to the sign-in form, and back here after it.
      String here = ctx.request().uri();
      ctx.response().setStatusCode(303)
        .putHeader(HttpHeaders.LOCATION, Auth.LOGIN + "?returnTo=" + URLEncoder.encode(here, StandardCharsets.UTF_8))
        .end();
      return;
    }
    if (refused != 0) {
      ErrorPages.send(ctx.response(), refused, access.refusal("this page", refused) + ".");
      return;
    }
    // What a form post left for this page (problem, values, result): shown once.
    JsonObject flash = Flash.take(ctx);
    List<Future<?>> futures = new ArrayList<>(sources.size());
    for (Function<RoutingContext, Future<?>> source : sources) {
      futures.add(start(source, ctx));
    }
    // Bound to the request's context, the page's timeout is a timer on its own event loop: a future
    // without a context schedules it on Netty's global executor, a shared thread and a lock per request.
    PromiseInternal<CompositeFuture> awaited = ((ContextInternal) ctx.vertx().getOrCreateContext()).promise();
    Future.all(futures).onComplete(awaited);
    awaited.future()
      .timeout(timeoutMs, TimeUnit.MILLISECONDS)
      .compose(all -> {
        Map<String, Object> model = model(futures, caller, flash);
        return renderer.render(template, model, state(model));
      })
      .onComplete(ar -> {
        if (ar.succeeded()) {
          ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, TEXT_HTML)
            .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
            .end(ar.result());
        } else {
          fail(ctx, ar.cause());
        }
      });
  }

  private static Future<?> start(Function<RoutingContext, Future<?>> source, RoutingContext ctx) {
    try {
      Future<?> future = source.apply(ctx);
      return future != null ? future : Future.failedFuture(new NullPointerException("a page source returned null"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Map<String, Object> model(List<Future<?>> futures, Caller caller, JsonObject flash) {
    Map<String, Object> model = new LinkedHashMap<>(constants);
    model.put("caller", caller.toView());
    for (int i = 0; i < futures.size(); i++) {
      model.put(names.get(i), DataObjects.toJsonValue(futures.get(i).result()));
    }
    if (flash != null) {
      for (String key : FLASHED) {
        Object value = flash.getValue(key);
        if (value != null) model.put(key, value);
      }
    }
    return model;
  }

  private Map<String, Object> state(Map<String, Object> model) {
    Map<String, Object> state = model;
    if (!resources.isEmpty() || !subscriptions.isEmpty() || !live.isEmpty() || dev) {
      state = new LinkedHashMap<>(model);
      if (!resources.isEmpty()) state.put("$resources", resources);
      if (!subscriptions.isEmpty()) state.put("$subscriptions", subscriptions);
      if (!live.isEmpty()) state.put("$live", live);
      if (dev) state.put("$dev", true);
    }
    return state;
  }

  // The same meaning as a function call's failure (CallFailures), in words for a person.
  private void fail(RoutingContext ctx, Throwable cause) {
    if (cause instanceof TimeoutException) {
      ErrorPages.send(ctx.response(), 504, TOO_LONG);
      return;
    }
    boolean unserved = cause instanceof ReplyException
      && ((ReplyException) cause).failureType() == ReplyFailure.NO_HANDLERS;
    HttpProblem problem = CallFailures.toProblem(cause, "page " + ctx.request().path(), timeoutMs);
    int status = problem.status();
    if (status == 504) {
      ErrorPages.send(ctx.response(), 504, TOO_LONG);
    } else if (unserved) {
      ErrorPages.send(ctx.response(), 503, "A service this page needs is not running right now. Please try again soon.");
    } else if (status == 500) {
      ErrorPages.send(ctx.response(), 500, "Something went wrong on our side. If it keeps happening, quote this id: "
        + problem.toJson().getString(Problems.CORRELATION_ID));
    } else {
      // A ServiceException with an HTTP code (404 for a missing thing, 503 for a database that is down):
      // its message is meant for the user.
      String message = cause.getMessage();
      ErrorPages.send(ctx.response(), status, message != null && !message.isBlank() ? message
        : status == 404 ? "There is nothing here." : "This page cannot be shown right now. Please try again soon.");
    }
  }
}
