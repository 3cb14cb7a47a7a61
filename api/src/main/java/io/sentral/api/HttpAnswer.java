package io.sentral.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What a route answers: status, content type and body (small, built in memory). */
public record HttpAnswer(int status, String contentType, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    public HttpAnswer {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    public static HttpAnswer text(int status, String contentType, String body) {
        return new HttpAnswer(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** An RFC 9457 problem document naming what went wrong. */
    static HttpAnswer problem(int status, String title, String detail) {
        return text(status, "application/problem+json; charset=utf-8", "{\"status\":" + status + ",\"title\":\""
                + Json.escape(title) + "\",\"detail\":\"" + Json.escape(detail) + "\"}");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
