package dev.verve.client.impl;

import dev.verve.client.VerveClient;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;
import java.util.function.Function;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.verve.fn.UploadedFile;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.serviceproxy.ServiceException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

public final class VerveClientImpl implements VerveClient {

  private final WebClient web;
  private final HttpClient http;
  private final String root;
  private final String base;
  private volatile String authorization;

  public VerveClientImpl(Vertx vertx, String serverUrl, String apiPrefix) {
    URI uri = URI.create(Objects.requireNonNull(serverUrl, "serverUrl"));
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("serverUrl must be absolute, like http://127.0.0.1:8080; got " + serverUrl);
    }
    this.root = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    String prefix = apiPrefix.startsWith("/") ? apiPrefix : "/" + apiPrefix;
    this.base = root + (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
    this.http = vertx.createHttpClient();
    this.web = WebClient.wrap(http);
  }

  @Override
  public <T> T of(Class<T> iface) {
    String generated = iface.getName() + GENERATED_SUFFIX;
    try {
      Class<?> type = Class.forName(generated, true, iface.getClassLoader());
      return iface.cast(type.getConstructor(VerveClient.class).newInstance(this));
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("No " + generated + " was generated: is " + iface.getName()
        + " a @ServerFunctions interface processed by verve-codegen?");
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot create " + generated, e);
    }
  }

  @Override
  public Future<Void> signIn(String username, String password) {
    return web.postAbs(root + "/auth/token")
      .putHeader("Accept", "application/json")
      .sendJsonObject(new JsonObject().put("username", username).put("password", password))
      .compose(VerveClientImpl::decode)
      .compose(answer -> {
        if (!(answer instanceof JsonObject) || ((JsonObject) answer).getString("token") == null) {
          return Future.failedFuture(new ServiceException(500, "The server's token answer has no token"));
        }
        token(((JsonObject) answer).getString("token"));
        return Future.succeededFuture();
      });
  }

  @Override
  public VerveClient token(String token) {
    this.authorization = token == null ? null : "Bearer " + token;
    return this;
  }

  @Override
  public <T> Future<ReadStream<T>> stream(String service, String method, JsonObject args, Function<Object, T> decoder) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
      .setAbsoluteURI(base + "/" + encode(service) + "/" + encode(method))
      .putHeader("Accept", "text/event-stream")
      .putHeader("Content-Type", "application/json");
    String auth = authorization;
    if (auth != null) options.putHeader("Authorization", auth);
    return http.request(options)
      .compose(request -> request.send(args.toBuffer()))
      .compose(response -> {
        if (response.statusCode() == 200) {
          return Future.succeededFuture(new EventStreamItems<>(response, decoder));
        }
        // Refused before the first item: the same failure a call gets.
        return response.body().compose(body -> {
          JsonObject problem = problemOf(body);
          return Future.failedFuture(new ServiceException(response.statusCode(),
            problem.getString("detail", response.statusMessage()), problem));
        });
      });
  }

  @Override
  public Future<Object> call(String service, String method, JsonObject args) {
    return request(service, method).sendJsonObject(args).compose(VerveClientImpl::decode);
  }

  private HttpRequest<Buffer> request(String service, String method) {
    String url = base + "/" + encode(service) + "/" + encode(method);
    HttpRequest<Buffer> request = web.postAbs(url).putHeader("Accept", "application/json");
    String auth = authorization;
    if (auth != null) request.putHeader("Authorization", auth);
    return request;
  }

  @Override
  public Future<Object> callMultipart(String service, String method, JsonObject args, Set<String> files) {
    MultipartForm form = MultipartForm.create();
    for (Map.Entry<String, Object> member : args) {
      Object value = member.getValue();
      if (value == null) continue;
      if (files.contains(member.getKey())) {
        for (Object file : value instanceof JsonArray ? (JsonArray) value : new JsonArray().add(value)) {
          UploadedFile f = new UploadedFile((JsonObject) file);
          form.binaryFileUpload(member.getKey(), f.name(), f.bytes(), f.contentType());
        }
      } else if (value instanceof JsonArray) {
        for (Object item : (JsonArray) value) form.attribute(member.getKey(), text(item));
      } else {
        form.attribute(member.getKey(), text(value));
      }
    }
    return request(service, method).sendMultipartForm(form).compose(VerveClientImpl::decode);
  }

  // A field's text, as the server's form conversion reads it back.
  private static String text(Object value) {
    return value instanceof JsonObject || value instanceof JsonArray ? Json.encode(value) : String.valueOf(value);
  }

  private static Future<Object> decode(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    Buffer body = response.body();
    if (status == 204 || (status == 200 && (body == null || body.length() == 0))) {
      return Future.succeededFuture(null);
    }
    if (status >= 200 && status < 300) {
      try {
        return Future.succeededFuture(Json.decodeValue(body));
      } catch (DecodeException e) {
        return Future.failedFuture(new ServiceException(status, "The server's answer is not JSON"));
      }
    }
    JsonObject problem = problemOf(body);
    String detail = problem.getString("detail", response.statusMessage());
    return Future.failedFuture(new ServiceException(status, detail, problem));
  }

  private static JsonObject problemOf(Buffer body) {
    try {
      Object value = body == null ? null : Json.decodeValue(body);
      if (value instanceof JsonObject) return (JsonObject) value;
    } catch (DecodeException ignored) {
      // Not a problem-details body (a proxy's error page, say): report the status alone.
    }
    return new JsonObject();
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public Future<Void> close() {
    web.close();
    return http.close();
  }
}
