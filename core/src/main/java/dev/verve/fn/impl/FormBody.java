package dev.verve.fn.impl;

import dev.verve.fn.UploadedFile;
import dev.verve.http.HttpProblem;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code application/x-www-form-urlencoded} or {@code multipart/form-data} body into its fields by
 * name: texts, and files as the JSON of an {@link UploadedFile}. Vert.x's own decoder does the parsing; file
 * parts are kept in memory, never written to disk, and the whole body is bounded like a JSON one (413).
 */
final class FormBody {

  private FormBody() {
  }

  static boolean isForm(String contentType) {
    int semi = contentType.indexOf(';');
    String mediaType = (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    return mediaType.equalsIgnoreCase("application/x-www-form-urlencoded")
      || mediaType.equalsIgnoreCase("multipart/form-data");
  }

  static void read(RoutingContext ctx, long limit, Handler<Map<String, List<Object>>> then, Handler<HttpProblem> refuse) {
    HttpServerRequest request = ctx.request();
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > limit) {
          refuse.handle(LimitedBody.tooLarge());
          return;
        }
      } catch (NumberFormatException e) {
        refuse.handle(new HttpProblem(400, "Content-Length is not a number"));
        return;
      }
    }
    Map<String, List<Object>> fields = new LinkedHashMap<>();
    if (request.isEnded()) {
      then.handle(fields);
      return;
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      ctx.response().writeContinue();
    }
    boolean[] refused = {false};
    long[] received = {0};
    request.setExpectMultipart(true);
    request.uploadHandler(upload -> keep(upload, fields, refused));
    // Counted here, before the decoder keeps anything: the limit holds for texts and files alike.
    request.handler(chunk -> {
      received[0] += chunk.length();
      if (!refused[0] && received[0] > limit) {
        refused[0] = true;
        refuse.handle(LimitedBody.tooLarge());
      }
    });
    request.exceptionHandler(e -> {
      if (refused[0]) return;
      refused[0] = true;
      // Netty's decoder refuses a field longer than the server's form limits, or a malformed body.
      refuse.handle(e.getClass().getSimpleName().startsWith("TooLong") || e.getClass().getSimpleName().startsWith("TooMany")
        ? LimitedBody.tooLarge() : new HttpProblem(400, "The form could not be read"));
    });
    request.endHandler(v -> {
      if (refused[0]) return;
      request.formAttributes().forEach(field -> add(fields, field.getKey(), field.getValue()));
      then.handle(fields);
    });
    request.resume();
  }

  private static void keep(HttpServerFileUpload upload, Map<String, List<Object>> fields, boolean[] refused) {
    Buffer bytes = Buffer.buffer();
    upload.handler(chunk -> {
      if (!refused[0]) bytes.appendBuffer(chunk);
    });
    upload.endHandler(v -> {
      // A file input left empty is still sent, with no name and no bytes: that is no file.
      if (refused[0] || (upload.filename().isEmpty() && bytes.length() == 0)) return;
      add(fields, upload.name(), new UploadedFile(upload.filename(), upload.contentType(), bytes).toJson());
    });
  }

  private static void add(Map<String, List<Object>> fields, String name, Object value) {
    fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
  }
}
