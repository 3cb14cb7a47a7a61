package io.sentral.api;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The operational endpoints of DEMO.md's HTTP listener: {@code GET /metrics} (Prometheus text from
 * the node's registry, N1) and {@code GET /health} (200 while the node serves calls, 503 with the
 * reason otherwise). Everything else is 404; another method on these paths is 405.
 */
public final class OperationsRoutes {
    private final Supplier<String> metrics;
    private final Supplier<Health> health;

    /** The node's state for {@code /health}. */
    public record Health(boolean up, String detail) {
        public Health {
            Objects.requireNonNull(detail, "detail");
        }
    }

    public OperationsRoutes(Supplier<String> metrics, Supplier<Health> health) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.health = Objects.requireNonNull(health, "health");
    }

    HttpAnswer answer(String method, String path) {
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        boolean known = route.equals("/metrics") || route.equals("/health");
        if (!known) {
            return HttpAnswer.problem(404, "Not Found", "no resource at " + route + " (try /health or /metrics)");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return HttpAnswer.problem(405, "Method Not Allowed", method + " is not allowed on " + route
                    + " (use GET)");
        }
        if (route.equals("/metrics")) {
            return HttpAnswer.text(200, HttpAnswer.PROMETHEUS_TEXT, metrics.get());
        }
        Health now = health.get();
        return HttpAnswer.text(now.up() ? 200 : 503, HttpAnswer.JSON, "{\"status\":\"" + (now.up() ? "up" : "down")
                + "\",\"detail\":\"" + Json.escape(now.detail()) + "\"}");
    }
}
