package org.markwatch.portal.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /api/v1/openapi.json} (springdoc, from the controller): the bearer
 * scheme, and the problem responses every operation can give, so a client (and the tests) can check
 * every answer against it.
 */
@Configuration
class OpenApiConfig {
  @Bean
  OpenAPI markwatchApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("markwatch agencies' API")
                .version("1")
                .description(
                    "Confirmed violators, cases and listings for partner agencies, read"
                        + " incrementally; tips passed on. Bearer tokens with scopes"
                        + " (violators:read, cases:read, listings:read, tips:write) from"
                        + " `markwatch api-clients add`. Errors are RFC 9457 problems."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    Map<String, String> common =
        Map.of(
            "400", "Bad request (a wrong parameter or cursor)",
            "401", "No token, or a token unknown, revoked or expired",
            "403", "The token's scopes do not allow this operation",
            "429", "Rate limit used up (see Retry-After)");
    return api -> {
      Schema<?> problem = new Schema<>().$ref("#/components/schemas/Problem");
      api.getComponents()
          .addSchemas(
              "Problem",
              new Schema<>()
                  .type("object")
                  .addProperty("type", new Schema<>().type("string"))
                  .addProperty("title", new Schema<>().type("string"))
                  .addProperty("status", new Schema<>().type("integer").format("int32"))
                  .addProperty("detail", new Schema<>().type("string"))
                  .addProperty("instance", new Schema<>().type("string"))
                  .required(java.util.List.of("type", "title", "status")));
      api.getPaths()
          .values()
          .forEach(
              item ->
                  item.readOperations()
                      .forEach(
                          op -> {
                            common.forEach(
                                (status, text) ->
                                    op.getResponses()
                                        .addApiResponse(
                                            status,
                                            new ApiResponse()
                                                .description(text)
                                                .content(
                                                    new Content()
                                                        .addMediaType(
                                                            Problem.MEDIA_TYPE,
                                                            new MediaType().schema(problem)))));
                            if (op.getOperationId() != null
                                && op.getOperationId().startsWith("tipStatus")) {
                              op.getResponses()
                                  .putIfAbsent(
                                      "404",
                                      new ApiResponse()
                                          .description("No such tip from this client")
                                          .content(
                                              new Content()
                                                  .addMediaType(
                                                      Problem.MEDIA_TYPE,
                                                      new MediaType().schema(problem))));
                            }
                          }));
    };
  }
}
