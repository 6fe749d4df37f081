package dev.verve.fn.impl;

import dev.verve.auth.Auth;
import dev.verve.auth.Caller;
import dev.verve.http.HttpProblem;
import dev.verve.http.Problems;
import dev.verve.http.StatusTimers;
import dev.verve.http.Tracked;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * One function call over HTTP as {@link FunctionHandler} sees it, whichever way it came: through the router
 * ({@link #routed}), or taken before it ({@link #direct}: a JSON call the router's shared handlers would all
 * have passed on unchanged, see {@code dev.verve.http.RouterBypass}). The handler's steps are the same for
 * both; only how a refusal is sent, who the caller is and how the end is noticed differ.
 */
abstract class HttpCall {

  abstract HttpServerRequest request();

  abstract HttpServerResponse response();

  /** Answers with {@code problem} (problem details). */
  abstract void fail(HttpProblem problem);

  abstract Caller caller();

  /** Starts timing the call, by status, when its response ends or its connection closes. */
  abstract Tracked track(StatusTimers timers);

  /** The router's context, for what only the router's way has (a form post's session and flash); else null. */
  RoutingContext routingContext() {
    return null;
  }

  static HttpCall routed(RoutingContext ctx) {
    return new Routed(ctx);
  }

  /** An anonymous JSON call taken before the router. */
  static HttpCall direct(HttpServerRequest request) {
    return new Direct(request);
  }

  private static final class Routed extends HttpCall {
    private final RoutingContext ctx;

    Routed(RoutingContext ctx) {
      this.ctx = ctx;
    }

    @Override
    HttpServerRequest request() {
      return ctx.request();
    }

    @Override
    HttpServerResponse response() {
      return ctx.response();
    }

    @Override
    void fail(HttpProblem problem) {
      ctx.fail(problem);
    }

    @Override
    Caller caller() {
      return Auth.caller(ctx);
    }

    @Override
    Tracked track(StatusTimers timers) {
      return Tracked.start(ctx, timers);
    }

    @Override
    RoutingContext routingContext() {
      return ctx;
    }
  }

  private static final class Direct extends HttpCall {
    private final HttpServerRequest request;

    Direct(HttpServerRequest request) {
      this.request = request;
    }

    @Override
    HttpServerRequest request() {
      return request;
    }

    @Override
    HttpServerResponse response() {
      return request.response();
    }

    @Override
    void fail(HttpProblem problem) {
      Problems.send(request.response(), problem);
    }

    @Override
    Caller caller() {
      return Caller.ANONYMOUS;
    }

    @Override
    Tracked track(StatusTimers timers) {
      return Tracked.start(request.response(), timers);
    }
  }
}
