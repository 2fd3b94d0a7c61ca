package com.thewans.common.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

import com.thewans.common.problem.Problems;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Every service's OpenAPI document, set up once: a title, version and description (each service
 * gives only its words, {@code wans.api.*} in its application.yml), the bearer-token scheme (so
 * Swagger UI's Authorize button works through the gateway), and the problem answers an operation
 * can give. Each controller adds its own words: {@code @Tag(name = "Films")} on the class, an
 * {@code @Operation(summary = ...)} per endpoint, and {@code @ApiResponse}s for its own problems.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnProperty("wans.service.schema")
public class ApiDocumentation {

    public static final String BEARER = "bearer";
    static final String PROBLEM_SCHEMA = "Problem";

    @Bean
    OpenAPI wansOpenApi(@Value("${wans.api.title:${spring.application.name}}") String title,
            @Value("${wans.api.description:}") String description,
            @Value("${wans.api.version:1}") String version) {
        return new OpenAPI()
                .info(new Info().title(title).version(version).description(description.isBlank() ? null : description))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An access token from POST /api/auth/login (identity-service)"))
                        .addSchemas(PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * The problems any operation can answer, beside the ones it declares itself: 400 when it reads
     * input, 401 and 403 when it needs a token, 404 for a path with an id, 503 when a dependency
     * is away, 500 always. An operation's own {@code @ApiResponse} for the same status wins.
     */
    @Bean
    OpenApiCustomizer wansProblemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                Map<String, String> problems = new LinkedHashMap<>();
                boolean readsInput = operation.getRequestBody() != null
                        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
                if (readsInput) {
                    problems.put("400", "Invalid input (`validation-failed`, `malformed-body`): `errors` names the fields");
                }
                problems.put("401", "No valid bearer token where one is needed (`unauthorized`, `invalid-token`)");
                problems.put("403", "The caller's role or ownership does not allow this (`forbidden`)");
                if (path.contains("{")) {
                    problems.put("404", "Nothing with that id (`...-not-found`)");
                }
                problems.put("500", "A bug on our side (`internal-error`); quote `traceId`");
                problems.put("503", "A dependency is unavailable (`dependency-unavailable`); retry shortly");
                addProblems(operation, problems);
            }));
        };
    }

    private static void addProblems(Operation operation, Map<String, String> problems) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
            }
        });
        operation.setResponses(responses);
    }

    private static Content problemContent() {
        return new Content().addMediaType(Problems.MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema field = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        Schema problem = new ObjectSchema()
                .description("RFC 9457 problem details; clients switch on `code` (docs/problems.md)")
                .addProperty("type", new StringSchema().example("https://thewans.com/problems/validation-failed"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has invalid fields: title"))
                .addProperty("instance", new StringSchema().example("/api/films"))
                .addProperty("code", new StringSchema().example("validation-failed"))
                .addProperty("service", new StringSchema().example("catalog-service"))
                .addProperty("traceId", new StringSchema().example("4bf92f3577b34da6a3ce929d0e0e4736"))
                .addProperty("errors", new ArraySchema().items(field));
        problem.setRequired(List.of("type", "title", "status", "code"));
        return problem;
    }
}
