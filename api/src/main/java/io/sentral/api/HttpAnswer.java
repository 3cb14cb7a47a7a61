package io.sentral.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** What a route answers: status, content type, extra headers and body (small, built in memory). */
public record HttpAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROBLEM = "application/problem+json; charset=utf-8";
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    public HttpAnswer {
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    public static HttpAnswer text(int status, String contentType, String body) {
        return new HttpAnswer(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON document (maps, lists, records, strings, numbers) rendered by {@link Json}. */
    public static HttpAnswer json(int status, Object document) {
        return text(status, JSON, Json.write(document));
    }

    /** A status without a body (204). */
    public static HttpAnswer empty(int status) {
        return new HttpAnswer(status, TEXT, Map.of(), new byte[0]);
    }

    /** An RFC 9457 problem document naming what went wrong. */
    public static HttpAnswer problem(int status, String title, String detail) {
        return text(status, PROBLEM, "{\"status\":" + status + ",\"title\":\""
                + Json.escape(title) + "\",\"detail\":\"" + Json.escape(detail) + "\"}");
    }

    public HttpAnswer withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new HttpAnswer(status, contentType, more, body);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
