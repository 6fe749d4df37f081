package dev.verve.codegen;

import io.vertx.codegen.processor.ParamInfo;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code verve/openapi/<Interface>.json}: the interface's part of the OpenAPI 3.1 document, built
 * here from the same model as the descriptor the HTTP layer validates with. The web node puts the parts of
 * the interfaces it exposes together under {@code <api.prefix>/openapi.json}, adding the prefix to the
 * paths and the shared components named here: the {@code session} and {@code bearer} security schemes and
 * the problem responses ({@code #/components/responses/BadRequest}, ...).
 */
class OpenApiGen extends ServerFunctionsGen {

  /** Problem responses every function can give, by status: the names of the shared components. */
  private static final Map<String, String> PROBLEMS = problems();

  private static final String STREAM = "A stream of items: one `data:` event per item and a final `event: end`"
    + " (text/event-stream, the default), or one JSON value per line (application/x-ndjson)";

  OpenApiGen(ProcessingEnvironment env) {
    super("verve_openapi", env);
  }

  @Override
  String filename(ServiceModel service) {
    return "verve/openapi/" + service.simpleName() + ".json";
  }

  @Override
  String render(ServiceModel service) {
    Elements elements = env == null ? null : env.getElementUtils();
    Schemas schemas = new Schemas(new DataObjects(env));
    JavadocText ifaceDoc = JavadocText.of(elements, service.element(), service.element());

    Map<String, Object> paths = new LinkedHashMap<>();
    for (ServiceModel.Function function : service.functions()) {
      JavadocText doc = JavadocText.of(elements, function.element(), service.element());
      Map<String, Object> op = operation(service, function.name(), function.element(), function.method().getParams(),
        function.access(), doc, schemas);
      responses(op, result(function, doc, schemas), function.access());
      paths.put("/" + service.simpleName() + "/" + function.name(), Map.of("post", op));
    }
    for (ServiceModel.Stream stream : service.streams()) {
      JavadocText doc = JavadocText.of(elements, stream.element(), service.element());
      Map<String, Object> op = operation(service, stream.name(), stream.element(), stream.params(), stream.access(), doc,
        schemas);
      responses(op, items(stream, doc, schemas), stream.access());
      paths.put("/" + service.simpleName() + "/" + stream.name(), Map.of("post", op));
    }
    Map<String, Object> tag = new LinkedHashMap<>();
    tag.put("name", service.simpleName());
    if (!ifaceDoc.description.isEmpty()) tag.put("description", ifaceDoc.description);

    Map<String, Object> fragment = new LinkedHashMap<>();
    fragment.put("interface", service.fqn());
    fragment.put("tag", tag);
    fragment.put("paths", paths);
    fragment.put("schemas", schemas.components);
    return JsonText.write(fragment);
  }

  /** The operation without its responses: what a function and a stream function share. */
  private static Map<String, Object> operation(ServiceModel service, String name, Element element, List<ParamInfo> params,
                                               AccessRules.Rule accessRule, JavadocText doc, Schemas schemas) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("operationId", service.simpleName() + "_" + name);
    op.put("tags", List.of(service.simpleName()));
    op.put("summary", doc.summary.isEmpty() ? service.simpleName() + "." + name : doc.summary);
    String access = describe(accessRule);
    op.put("description", doc.description.isEmpty() ? access : doc.description + "\n\n" + access);
    if (element.getAnnotation(Deprecated.class) != null) op.put("deprecated", true);
    op.put("security", security(accessRule));
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("rule", accessRule.kind());
    if (!accessRule.roles().isEmpty()) rule.put("roles", accessRule.roles());
    op.put("x-verve-access", rule);

    if (!params.isEmpty()) {
      Map<String, Object> properties = new LinkedHashMap<>();
      Map<String, Object> parts = new LinkedHashMap<>();
      boolean uploads = false;
      List<String> required = new ArrayList<>();
      boolean anyRequired = false;
      for (ParamInfo param : params) {
        Map<String, Object> schema = schemas.of(param.getType());
        if (param.isNullable()) {
          schema = Schemas.orNull(schema);
        } else {
          required.add(param.getName());
          anyRequired = true;
        }
        String text = doc.params.get(param.getName());
        if (text != null) {
          schema = new LinkedHashMap<>(schema);
          schema.put("description", text);
        }
        properties.put(param.getName(), schema);
        boolean file = Schemas.UPLOADED_FILE.equals(param.getType().getName());
        uploads |= file;
        parts.put(param.getName(), file ? Schemas.filePart() : schema);
      }
      // Exactly what the validator accepts: these members, the required ones present, no others.
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "object");
      body.put("properties", properties);
      if (!required.isEmpty()) body.put("required", required);
      body.put("additionalProperties", false);
      Map<String, Object> requestBody = new LinkedHashMap<>();
      requestBody.put("description", "The arguments, keyed by parameter name.");
      requestBody.put("required", anyRequired);
      Map<String, Object> content = new LinkedHashMap<>();
      content.put("application/json", Map.of("schema", body));
      if (uploads) {
        // A function taking a file is what a browser's form sends it: its fields as parts, the file as bytes.
        Map<String, Object> multipart = new LinkedHashMap<>(body);
        multipart.put("properties", parts);
        content.put("multipart/form-data", Map.of("schema", multipart));
      }
      requestBody.put("content", content);
      op.put("requestBody", requestBody);
    }

    return op;
  }

  /** The success response of a function: 200 with the result, or 204 for {@code Future<Void>}. */
  private static Map<String, Object> result(ServiceModel.Function function, JavadocText doc, Schemas schemas) {
    Map<String, Object> responses = new LinkedHashMap<>();
    if (function.returnsVoid()) {
      responses.put("204", Map.of("description", doc.returns.isEmpty() ? "Done; no content." : doc.returns));
    } else {
      Map<String, Object> ok = new LinkedHashMap<>();
      ok.put("description", doc.returns.isEmpty() ? "The result." : doc.returns);
      ok.put("content", Map.of("application/json", Map.of("schema", schemas.of(function.result()))));
      responses.put("200", ok);
    }
    return responses;
  }

  /**
   * The success response of a stream function: the items as server-sent events or NDJSON, whichever the
   * {@code Accept} header asks for. An event's text has no JSON Schema of its own, so the item's schema
   * goes in {@code x-item-schema}.
   */
  private static Map<String, Object> items(ServiceModel.Stream stream, JavadocText doc, Schemas schemas) {
    Map<String, Object> item = schemas.of(stream.item());
    Map<String, Object> events = new LinkedHashMap<>();
    events.put("schema", Map.of("type", "string"));
    events.put("x-item-schema", item);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("text/event-stream", events);
    content.put("application/x-ndjson", Map.of("schema", item));
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("description", doc.returns.isEmpty() ? STREAM : doc.returns + "\n\n" + STREAM);
    ok.put("content", content);
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", ok);
    return responses;
  }

  /** Sets {@code success} and the problem responses every function can give. */
  private static void responses(Map<String, Object> op, Map<String, Object> success, AccessRules.Rule access) {
    Map<String, Object> responses = new LinkedHashMap<>(success);
    PROBLEMS.forEach((status, name) -> {
      if (status.equals("401") && access.kind().equals("AnonymousAllowed")) return;
      responses.put(status, Map.of("$ref", "#/components/responses/" + name));
    });
    op.put("responses", responses);
  }

  // Anyone may call: no credentials (the empty requirement) or either kind. Roles are listed as the
  // requirement's values, which OpenAPI 3.1 allows for schemes other than OAuth.
  private static List<Object> security(AccessRules.Rule rule) {
    List<Object> requirements = new ArrayList<>();
    if (rule.kind().equals("AnonymousAllowed")) requirements.add(Map.of());
    requirements.add(Map.of("session", rule.roles()));
    requirements.add(Map.of("bearer", rule.roles()));
    return requirements;
  }

  private static String describe(AccessRules.Rule rule) {
    switch (rule.kind()) {
      case "AnonymousAllowed": return "Access: anyone, signed in or not (`@AnonymousAllowed`).";
      case "PermitAll": return "Access: any signed-in user (`@PermitAll`); anonymous callers get 401.";
      case "DenyAll": return "Access: nobody (`@DenyAll`); every call is refused.";
      default: return "Access: signed-in users with the role " + String.join(" or ", rule.roles())
        + " (`@RolesAllowed`); anonymous callers get 401, others 403.";
    }
  }

  private static Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    problems.put("400", "BadRequest");
    problems.put("401", "Unauthorized");
    problems.put("403", "Forbidden");
    problems.put("404", "NotFound");
    problems.put("413", "ContentTooLarge");
    problems.put("415", "UnsupportedMediaType");
    problems.put("500", "InternalError");
    problems.put("503", "Unavailable");
    problems.put("504", "Timeout");
    return problems;
  }
}
