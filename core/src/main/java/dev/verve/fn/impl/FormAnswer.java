package dev.verve.fn.impl;

import dev.verve.http.ReturnTo;
import dev.verve.fn.CallFailures;
import dev.verve.fn.MethodDescriptor;
import dev.verve.fn.ServiceDescriptor;
import dev.verve.http.Accepts;
import dev.verve.http.Flash;
import dev.verve.http.HttpProblem;
import dev.verve.http.OriginGuard;
import dev.verve.http.ErrorPages;
import io.vertx.core.AsyncResult;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Answers a form post. A browser that prefers HTML (a form posted without JavaScript) gets the web's
 * answers: success is {@code 303} to the {@code returnTo} field or back to the page that posted, with the
 * result flashed; failure is {@code 303} back with the problem and the submitted values flashed, for the
 * page to show next to its fields. Any other caller ({@code fetch}, curl) gets the JSON answers.
 */
final class FormAnswer {

  private static final int MAX_FLASHED_VALUE = 4096;
  /** Which function succeeded, {@code {"Notes": {"add": true}}}: on a page with several forms, whose result it is. */
  static final String ANSWERED = "answered";

  private final RoutingContext ctx;
  private final boolean html;
  private Map<String, List<Object>> fields = Map.of();

  FormAnswer(RoutingContext ctx) {
    this.ctx = ctx;
    this.html = Accepts.prefersHtml(ctx.request().getHeader(HttpHeaders.ACCEPT));
  }

  void fields(Map<String, List<Object>> fields) {
    this.fields = fields;
  }

  void fail(HttpProblem problem) {
    if (!html) {
      ctx.fail(problem);
      return;
    }
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) return;
    JsonObject flash = new JsonObject().put("problem", forPage(problem.toJson())).put("values", values());
    if (!Flash.put(ctx, flash)) {
      // No sessions (no sign-in configured): nowhere to keep the problem for the next page, so show it now.
      ErrorPages.send(response, problem.status(), problem.detail());
      return;
    }
    if (problem.status() == 413) response.putHeader(HttpHeaders.CONNECTION, "close");
    redirect(back());
  }

  void reply(ServiceDescriptor service, MethodDescriptor method, AsyncResult<Message<Object>> reply, long timeoutMs) {
    if (!html) {
      ReplyMapper.respond(ctx.response(), service, method, reply, timeoutMs);
      return;
    }
    if (reply.failed()) {
      fail(CallFailures.toProblem(reply.cause(), service.name() + "." + method.name(), timeoutMs));
      return;
    }
    if (ctx.response().ended() || ctx.response().closed()) return;
    JsonObject flash = new JsonObject().put(ANSWERED, answered());
    if (!method.returnsVoid()) flash.put("result", reply.result().body());
    Flash.put(ctx, flash);
    redirect(forward());
  }

  // From the path, <prefix>/<Interface>/<method>: the names the page's template and verve.js use.
  private JsonObject answered() {
    String path = ctx.request().path();
    int method = path.lastIndexOf('/');
    int service = method <= 0 ? -1 : path.lastIndexOf('/', method - 1);
    if (service < 0 || method == path.length() - 1) return null;
    return new JsonObject().put(path.substring(service + 1, method), new JsonObject().put(path.substring(method + 1), true));
  }

  private void redirect(String location) {
    ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location).end();
  }

  // After success: where the form said, else back to the page that posted it; never another site.
  private String forward() {
    String returnTo = text(MethodDescriptor.RETURN_TO);
    if (returnTo != null && !returnTo.isEmpty()) return ReturnTo.safe(returnTo);
    String referer = refererPath();
    return referer != null ? referer : "/";
  }

  // After a failure: back to the form, where the problem is shown.
  private String back() {
    String referer = refererPath();
    if (referer != null) return referer;
    String returnTo = text(MethodDescriptor.RETURN_TO);
    return ReturnTo.safe(returnTo);
  }

  private String refererPath() {
    HttpServerRequest request = ctx.request();
    String referer = request.getHeader(HttpHeaders.REFERER);
    if (referer == null) return null;
    try {
      URI uri = URI.create(referer);
      if (uri.getScheme() == null || uri.getRawAuthority() == null
        || !OriginGuard.isSameOrigin(request, uri.getScheme() + "://" + uri.getRawAuthority())) {
        return null;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
      String safe = ReturnTo.safe(target);
      return safe.equals(target) ? safe : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String text(String name) {
    List<Object> values = fields.get(name);
    Object last = values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    return last instanceof String ? (String) last : null;
  }

  // The submitted texts by name, so the page keeps what the user typed. Files are not sent back, nor
  // passwords: the next page embeds its values in its HTML.
  private JsonObject values() {
    JsonObject values = new JsonObject();
    fields.forEach((name, list) -> {
      if (name.toLowerCase(java.util.Locale.ROOT).contains("password")) return;
      JsonArray texts = new JsonArray();
      for (Object v : list) {
        if (v instanceof String && ((String) v).length() <= MAX_FLASHED_VALUE) texts.add(v);
      }
      if (texts.size() == 1) values.put(name, texts.getValue(0));
      else if (texts.size() > 1) values.put(name, texts);
    });
    return values;
  }

  /**
   * The problem as pages see it: {@code errors} keyed by argument, so {@code problem.errors.title} works,
   * and {@code general}, the detail of a problem that names no argument (to show once, not per field).
   */
  static JsonObject forPage(JsonObject problem) {
    Object errors = problem.getValue("errors");
    JsonObject byArgument = new JsonObject();
    if (errors instanceof JsonArray) {
      for (Object error : (JsonArray) errors) {
        if (error instanceof JsonObject && ((JsonObject) error).getValue("argument") instanceof String) {
          JsonObject e = (JsonObject) error;
          byArgument.put(e.getString("argument"), e.getString("detail"));
        }
      }
    }
    problem.put("errors", byArgument);
    if (byArgument.isEmpty()) problem.put("general", problem.getString("detail"));
    return problem;
  }
}
