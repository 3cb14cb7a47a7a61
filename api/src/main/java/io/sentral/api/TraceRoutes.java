package io.sentral.api;

import io.sentral.core.account.Role;
import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.trace.CallTrace;
import io.sentral.core.trace.TraceBook;
import io.sentral.core.trace.TraceTarget;
import io.sentral.core.trace.TracedMessage;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * SIP trace on demand over the API (N3), for the NOC and system admins: switch a trunk or a number
 * on and off at runtime, list the traced calls, read one call's messages as JSON or as plain text
 * (the messages one after the other, as a SIP engineer reads them).
 *
 * <pre>
 * GET    /api/traces                      targets on, traced calls kept
 * PUT    /api/traces/trunks/{trunk}       201 switched on, 200 already on, 404 unknown trunk
 * DELETE /api/traces/trunks/{trunk}       204 switched off, 404 not on
 * PUT    /api/traces/numbers/{number}     E.164 number (caller or callee); 400 if not E.164
 * DELETE /api/traces/numbers/{number}
 * GET    /api/traces/calls/{callId}       ?format=text for plain text; 404 if not traced
 * </pre>
 */
public final class TraceRoutes {
    private static final Set<Role> NOC = Set.of(Role.NOC, Role.SYSTEM_ADMIN);

    private final TraceBook book;
    private final Predicate<TrunkId> trunkExists;

    public TraceRoutes(TraceBook book, Predicate<TrunkId> trunkExists) {
        this.book = book;
        this.trunkExists = trunkExists;
    }

    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/api/traces", NOC, "Trace targets switched on and the traced calls kept",
                        r -> overview()),
                ApiRoute.of("PUT", "/api/traces/trunks/{trunk}", NOC, "Trace new calls over a trunk",
                        r -> switchOn(trunk(r))),
                ApiRoute.of("DELETE", "/api/traces/trunks/{trunk}", NOC, "Stop tracing a trunk",
                        r -> switchOff(trunk(r))),
                ApiRoute.of("PUT", "/api/traces/numbers/{number}", NOC, "Trace new calls from or to an E.164 number",
                        r -> switchOn(number(r))),
                ApiRoute.of("DELETE", "/api/traces/numbers/{number}", NOC, "Stop tracing a number",
                        r -> switchOff(number(r))),
                ApiRoute.of("GET", "/api/traces/calls/{callId}", NOC,
                        "One traced call's messages, both legs (JSON, or ?format=text)", this::call));
    }

    /** A trunk target, or the answer why not. */
    private Target trunk(ApiRequest request) {
        String name = request.path("trunk");
        try {
            TrunkId trunk = TrunkId.of(name);
            return trunkExists.test(trunk) ? new Target(new TraceTarget.OfTrunk(trunk), null)
                    : new Target(null, HttpAnswer.problem(404, "Not Found", "no trunk '" + name + "'"));
        } catch (IllegalArgumentException e) {
            return new Target(null, HttpAnswer.problem(400, "Bad Request", "trunk: " + e.getMessage()));
        }
    }

    private static Target number(ApiRequest request) {
        String text = request.path("number");
        try {
            return new Target(new TraceTarget.OfNumber(E164Number.of(text)), null);
        } catch (IllegalArgumentException e) {
            return new Target(null, HttpAnswer.problem(400, "Bad Request", "number: '" + text
                    + "' is not an E.164 number (+ and 7-15 digits, e.g. +4722120005)"));
        }
    }

    private record Target(TraceTarget target, HttpAnswer refusal) {
    }

    /** The answer to switching a target on. */
    private record Switched(Map<String, String> tracing, boolean on) {
    }

    private HttpAnswer switchOn(Target t) {
        if (t.refusal() != null) {
            return t.refusal();
        }
        boolean added = book.start(t.target());
        return HttpAnswer.json(added ? 201 : 200, new Switched(describe(t.target()), true));
    }

    private HttpAnswer switchOff(Target t) {
        if (t.refusal() != null) {
            return t.refusal();
        }
        return book.stop(t.target()) ? HttpAnswer.empty(204)
                : HttpAnswer.problem(404, "Not Found", t.target() + " is not being traced");
    }

    private HttpAnswer overview() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("targets", book.targets().stream().map(TraceRoutes::describe).toList());
        doc.put("calls", book.calls().stream().map(TraceRoutes::summary).toList());
        return HttpAnswer.json(200, doc);
    }

    private HttpAnswer call(ApiRequest request) {
        String callId = request.path("callId");
        return book.call(callId).map(trace -> "text".equals(request.query("format").orElse("json"))
                        ? HttpAnswer.text(200, HttpAnswer.TEXT, asText(trace))
                        : HttpAnswer.json(200, details(trace)))
                .orElseGet(() -> HttpAnswer.problem(404, "Not Found", "call " + callId + " was not traced"
                        + " (or has aged out of the trace buffer)"));
    }

    private static Map<String, String> describe(TraceTarget target) {
        return switch (target) {
            case TraceTarget.OfTrunk t -> Map.of("trunk", t.trunk().value());
            case TraceTarget.OfNumber n -> Map.of("number", n.number().value());
        };
    }

    private static Map<String, Object> summary(CallTrace trace) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("callId", trace.callId());
        doc.put("started", trace.started().toString());
        trace.tenant().ifPresent(t -> doc.put("tenant", t.value()));
        trace.trunk().ifPresent(t -> doc.put("trunk", t.value()));
        doc.put("caller", trace.caller());
        doc.put("callee", trace.callee());
        doc.put("matched", describe(trace.matched()));
        doc.put("messages", trace.messages().size());
        doc.put("dropped", trace.dropped());
        return doc;
    }

    private static Map<String, Object> details(CallTrace trace) {
        Map<String, Object> doc = summary(trace);
        doc.put("messages", trace.messages().stream().map(TraceRoutes::message).toList());
        return doc;
    }

    private static Map<String, Object> message(TracedMessage m) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("at", m.at().toString());
        doc.put("direction", m.sent() ? "sent" : "received");
        doc.put("transport", m.transport());
        doc.put("source", address(m.source()));
        doc.put("destination", address(m.destination()));
        doc.put("callId", m.callId());
        doc.put("text", m.text());
        return doc;
    }

    private static String asText(CallTrace trace) {
        StringBuilder out = new StringBuilder();
        out.append("call ").append(trace.callId()).append(" from ").append(trace.caller()).append(" to ")
                .append(trace.callee()).append(", traced for ").append(trace.matched()).append('\n');
        for (TracedMessage m : trace.messages()) {
            out.append("\n").append(m.at()).append(' ').append(m.transport().toUpperCase(Locale.ROOT)).append(' ')
                    .append(address(m.source())).append(" -> ").append(address(m.destination())).append("\n")
                    .append(m.text().replace("\r\n", "\n"));
            if (!m.text().endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String address(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
