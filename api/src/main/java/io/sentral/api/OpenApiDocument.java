package io.sentral.api;

import io.sentral.core.account.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of the API ({@code GET /api/openapi.json}), made from the route table
 * itself so that it cannot drift from what is served: every path, method, summary, path parameter,
 * who may call it ({@code x-roles}) and how to sign in.
 */
public final class OpenApiDocument {
    private OpenApiDocument() {
    }

    /** The route serving the document, for a route table that ends up as {@code routes}. */
    public static ApiRoute route(java.util.function.Supplier<List<ApiRoute>> routes) {
        return ApiRoute.open("GET", "/api/openapi.json", "This document (OpenAPI 3.1)",
                r -> HttpAnswer.json(200, of(routes.get())));
    }

    public static Map<String, Object> of(List<ApiRoute> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Sentral API", "version", "0.1",
                "description", "Accounts, provisioning, directory, call logs and operations of a Sentral node."
                        + " Errors are RFC 9457 problem documents."));
        Map<String, Object> paths = new TreeMap<>();
        for (ApiRoute route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.template(),
                    t -> new TreeMap<String, Object>());
            item.put(route.method().toLowerCase(Locale.ROOT), operation(route));
        }
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of(
                        "basic", Map.of("type", "http", "scheme", "basic"),
                        "token", Map.of("type", "http", "scheme", "bearer"),
                        "session", Map.of("type", "apiKey", "in", "cookie", "name", ApiRoutes.SESSION_COOKIE)),
                "schemas", Map.of("Problem", Map.of("type", "object", "properties", Map.of(
                        "status", Map.of("type", "integer"), "title", Map.of("type", "string"),
                        "detail", Map.of("type", "string"))))));
        return doc;
    }

    private static Map<String, Object> operation(ApiRoute route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", route.method().toLowerCase(Locale.ROOT)
                + route.template().replaceAll("[^A-Za-z0-9]+", "_"));
        op.put("summary", route.summary());
        if (!route.parameters().isEmpty()) {
            op.put("parameters", route.parameters().stream().map(name -> Map.of("name", name, "in", "path",
                    "required", true, "schema", Map.of("type", "string"))).toList());
        }
        if (route.method().equals("POST") || route.method().equals("PUT") || route.method().equals("PATCH")) {
            op.put("requestBody", Map.of("content", Map.of("application/json",
                    Map.of("schema", Map.of("type", "object")))));
        }
        if (route.open()) {
            op.put("security", List.of());
        } else {
            op.put("security", List.of(Map.of("session", List.of()), Map.of("token", List.of()),
                    Map.of("basic", List.of())));
            op.put("x-roles", route.roles().stream().map(Role::label).sorted()
                    .toList());
        }
        Map<String, Object> responses = new TreeMap<>();
        responses.put(route.method().equals("DELETE") ? "204" : route.method().equals("POST") ? "201" : "200",
                Map.of("description", "done"));
        Map<String, Object> problem = Map.of("description", "a problem document naming what is wrong",
                "content", Map.of("application/problem+json", Map.of("schema",
                        Map.of("$ref", "#/components/schemas/Problem"))));
        responses.put("400", problem);
        responses.put("404", problem);
        if (!route.open()) {
            responses.put("401", problem);
            responses.put("403", problem);
        }
        op.put("responses", responses);
        return op;
    }
}
