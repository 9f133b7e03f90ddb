package org.markwatch.portal.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a real HTTP response against the API's own OpenAPI document: the operation (path template
 * and method) must document the status and the content type, and the body must validate against
 * that response's schema (networknt, draft 2020-12). Strict: every object schema is closed ({@code
 * additionalProperties: false}), so a field the document does not name fails.
 */
final class OpenApiContract {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());

  private final JsonNode doc;
  private final ObjectNode components;

  OpenApiContract(String openApiJson) {
    this.doc = JSON.readTree(openApiJson);
    this.components = (ObjectNode) doc.get("components").deepCopy();
    close(components);
  }

  JsonNode document() {
    return doc;
  }

  /**
   * The errors of {@code response} against operation {@code method pathTemplate}; empty = valid.
   */
  List<String> check(String method, String pathTemplate, HttpResponse<String> response) {
    List<String> errors = new ArrayList<>();
    JsonNode op = doc.path("paths").path(pathTemplate).path(method.toLowerCase());
    if (op.isMissingNode()) {
      return List.of("the document has no operation " + method + " " + pathTemplate);
    }
    String status = Integer.toString(response.statusCode());
    JsonNode resp = op.path("responses").path(status);
    if (resp.isMissingNode()) {
      return List.of(method + " " + pathTemplate + " does not document status " + status);
    }
    if (response.statusCode() == 304 || response.body().isEmpty()) {
      return errors;
    }
    String contentType =
        response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    JsonNode media = resp.path("content").path(contentType);
    if (media.isMissingNode()) {
      // springdoc lists a JSON response under */* when the controller does not narrow it
      media = resp.path("content").path("*/*");
    }
    if (media.isMissingNode()) {
      return List.of(
          method + " " + pathTemplate + " " + status + " does not document " + contentType);
    }
    ObjectNode schemaDoc = JSON.createObjectNode();
    schemaDoc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schemaDoc.set("components", components);
    ObjectNode root = (ObjectNode) media.path("schema").deepCopy();
    close(root);
    schemaDoc.set("allOf", JSON.createArrayNode().add(root));
    Schema schema =
        REGISTRY.getSchema(SchemaLocation.of("https://markwatch.invalid/openapi.json"), schemaDoc);
    for (Error e : schema.validate(JSON.readTree(response.body()))) {
      errors.add(e.getInstanceLocation() + ": " + e.getMessage());
    }
    return errors;
  }

  /** Closes every object schema that lists its properties. */
  private static void close(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if (o.has("properties") && !o.has("additionalProperties")) {
        o.put("additionalProperties", false);
      }
      o.properties().forEach(e -> close(e.getValue()));
    } else if (node != null && node.isArray()) {
      node.forEach(OpenApiContract::close);
    }
  }
}
