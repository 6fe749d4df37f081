package dev.verve.openapi.impl;

import dev.verve.fn.ServiceDescriptor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Puts the generated parts ({@code verve/openapi/<Interface>.json}) of the exposed interfaces together
 * into one OpenAPI 3.1 document. Reads class-path resources: call it off the event loop.
 */
public final class OpenApiDocument {

  static final String VERSION = "3.1.0";

  private OpenApiDocument() {
  }

  public static JsonObject build(Collection<ServiceDescriptor> services, String prefix, String sessionCookie) throws IOException {
    JsonArray tags = new JsonArray();
    JsonObject paths = new JsonObject();
    JsonObject schemas = new JsonObject().put("Problem", SharedComponents.problemSchema());
    List<ServiceDescriptor> sorted = services.stream().sorted(Comparator.comparing(ServiceDescriptor::name))
      .collect(Collectors.toList());
    for (ServiceDescriptor service : sorted) {
      JsonObject part = read(service);
      tags.add(part.getJsonObject("tag"));
      part.getJsonObject("paths").forEach(path -> paths.put(prefix + path.getKey(), path.getValue()));
      // Data objects and enums are named by their simple name: the first interface to use one names it.
      part.getJsonObject("schemas").forEach(schema -> {
        if (!schemas.containsKey(schema.getKey())) schemas.put(schema.getKey(), schema.getValue());
      });
    }
    return new JsonObject()
      .put("openapi", VERSION)
      .put("info", new JsonObject()
        .put("title", "Server functions")
        .put("version", "1")
        .put("description", "Every function is `POST " + prefix + "/<Interface>/<method>` with a JSON object keyed"
          + " by parameter names; errors are RFC 9457 problem details."))
      .put("servers", new JsonArray().add(new JsonObject().put("url", "/")
        .put("description", "This server")))
      .put("tags", tags)
      .put("paths", paths)
      .put("components", new JsonObject()
        .put("schemas", schemas)
        .put("responses", SharedComponents.responses())
        .put("securitySchemes", SharedComponents.securitySchemes(sessionCookie)))
      .put("security", new JsonArray()
        .add(new JsonObject().put("session", new JsonArray()))
        .add(new JsonObject().put("bearer", new JsonArray())));
  }

  // Next to the interface's classes, in the application's jar, like its JS module.
  private static JsonObject read(ServiceDescriptor service) throws IOException {
    String resource = "verve/openapi/" + service.name() + ".json";
    try (InputStream in = service.iface().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing: rebuild " + service.iface().getName()
          + " with this version of verve-codegen on the annotation processor path");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
