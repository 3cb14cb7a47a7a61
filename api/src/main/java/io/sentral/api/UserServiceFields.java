package io.sentral.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentral.core.number.E164Number;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A switchboard user's call services as the API writes and reads them: extra terminal (S1),
 * forwarding (S7), presentation (S9) and calendar feed (S6). The keys and rules are those of a
 * YAML user (config's {@code UserServicesBinder}, reference.yaml), checked here against the
 * customer first so that every refusal names its JSON field; core's consistency check stays the
 * last line.
 *
 * <pre>
 * "extraTerminal": true                       needs the user's mobile
 * "forwarding": {"always"?, "busy"?, "noAnswer"?, "noAnswerAfterSeconds"?, "unreachable"?}
 *               each target exactly one of {"queue": name} | {"user": username} | {"number": "+E.164"}
 * "presentation": "own" | "main" | "mobile" | {"queue": name}
 * "calendarFeed": "https://…" | "http://…" | "file:///…"   ("" removes it)
 * </pre>
 */
final class UserServiceFields {
    /** Longest no-answer delay: a day, as the queues' timers. */
    private static final int MAX_SECONDS = 86_400;
    private static final Set<String> FEED_SCHEMES = Set.of("http", "https", "file");

    /** Where a forwarded call goes: exactly one of the three. */
    record TargetBody(String queue, String user, String number) {
    }

    /** A user's forwarding as written; what is left out is not forwarded. */
    record ForwardingBody(TargetBody always, TargetBody busy, TargetBody noAnswer, Integer noAnswerAfterSeconds,
                          TargetBody unreachable) {
    }

    private final UserId self;
    private final Set<UserId> users;
    private final Set<QueueName> queues;
    private final Optional<E164Number> mainNumber;

    /** The services of user {@code self} of {@code customer} (which need not hold the user yet). */
    UserServiceFields(CustomerProvisioning customer, UserId self) {
        this.self = self;
        this.users = customer.users().stream().map(User::id).collect(Collectors.toSet());
        this.queues = customer.queues().stream().map(Queue::name).collect(Collectors.toSet());
        this.mainNumber = customer.mainNumber();
    }

    /** Whether the mobile rings in parallel: {@code wanted} if given, else {@code kept}; true needs a mobile. */
    boolean extraTerminal(Boolean wanted, boolean kept, Optional<E164Number> mobile) {
        if (wanted == null) {
            // a replaced user without a mobile loses the extra terminal with it
            return kept && mobile.isPresent();
        }
        if (wanted && mobile.isEmpty()) {
            throw ApiException.badRequest("field 'extraTerminal': the mobile rings in parallel, but the user has no"
                    + " mobile");
        }
        return wanted;
    }

    /** The forwarding written, or {@code kept} when left out; written, it replaces the whole forwarding. */
    Forwarding forwarding(ForwardingBody body, Forwarding kept) {
        if (body == null) {
            return kept;
        }
        Duration after = Forwarding.DEFAULT_NO_ANSWER_AFTER;
        if (body.noAnswerAfterSeconds() != null) {
            int seconds = body.noAnswerAfterSeconds();
            if (seconds < 1 || seconds > MAX_SECONDS) {
                throw ApiException.badRequest("field 'forwarding.noAnswerAfterSeconds': " + seconds
                        + " is outside 1-" + MAX_SECONDS);
            }
            after = Duration.ofSeconds(seconds);
        }
        return new Forwarding(target("forwarding.always", body.always()), target("forwarding.busy", body.busy()),
                target("forwarding.noAnswer", body.noAnswer()), after,
                target("forwarding.unreachable", body.unreachable()));
    }

    private Optional<CallTarget> target(String field, TargetBody body) {
        if (body == null) {
            return Optional.empty();
        }
        int given = (body.queue() != null ? 1 : 0) + (body.user() != null ? 1 : 0) + (body.number() != null ? 1 : 0);
        if (given != 1) {
            throw bad(field, "give exactly one of queue, user or number");
        }
        if (body.queue() != null) {
            QueueName queue = parse(field + ".queue", () -> QueueName.of(body.queue()));
            if (!queues.contains(queue)) {
                throw bad(field, "unknown queue '" + queue + "'");
            }
            return Optional.of(new CallTarget.ToQueue(queue));
        }
        if (body.user() != null) {
            UserId user = parse(field + ".user", () -> UserId.of(body.user()));
            if (user.equals(self)) {
                throw bad(field, "a user cannot forward to itself");
            }
            if (!users.contains(user)) {
                throw bad(field, "unknown user '" + user + "'");
            }
            return Optional.of(new CallTarget.ToUser(user));
        }
        return Optional.of(new CallTarget.ToNumber(parse(field + ".number", () -> E164Number.of(body.number()))));
    }

    /**
     * The presentation written, or {@code kept} when left out — either way one the user can have:
     * {@code main} needs the customer's main number, {@code mobile} the user's mobile.
     */
    Presentation presentation(JsonNode node, Presentation kept, Optional<E164Number> mobile) {
        Presentation presentation = node == null || node.isNull() ? kept : presentation(node);
        switch (presentation) {
            case Presentation.MainNumber m when mainNumber.isEmpty() ->
                    throw bad("presentation", "the customer has no main number to present");
            case Presentation.Mobile m when mobile.isEmpty() ->
                    throw bad("presentation", "the user has no mobile to present");
            case Presentation.QueueNumber q when !queues.contains(q.queue()) ->
                    throw bad("presentation", "unknown queue '" + q.queue() + "'");
            default -> {
            }
        }
        return presentation;
    }

    private static Presentation presentation(JsonNode node) {
        if (node.isObject()) {
            JsonNode queue = node.get("queue");
            if (node.size() != 1 || queue == null || !queue.isTextual()) {
                throw bad("presentation", "an object names one queue: {\"queue\": \"<name>\"}");
            }
            return new Presentation.QueueNumber(parse("presentation.queue", () -> QueueName.of(queue.textValue())));
        }
        return switch (node.isTextual() ? node.textValue() : "") {
            case "own" -> new Presentation.OwnNumber();
            case "main" -> new Presentation.MainNumber();
            case "mobile" -> new Presentation.Mobile();
            default -> throw bad("presentation", "'" + (node.isTextual() ? node.textValue() : node.toString())
                    + "' (expected own, main, mobile or {\"queue\": \"<name>\"})");
        };
    }

    /** The feed written ("" removes it), or {@code kept} when left out. */
    static Optional<URI> calendarFeed(String text, Optional<URI> kept) {
        if (text == null) {
            return kept;
        }
        if (text.isBlank()) {
            return Optional.empty();
        }
        URI feed = parse("calendarFeed", () -> {
            try {
                return new URI(text.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + e.getMessage());
            }
        });
        String scheme = Optional.ofNullable(feed.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        boolean named = scheme.equals("file") ? feed.getPath() != null && !feed.getPath().isEmpty()
                : feed.getHost() != null && !feed.getHost().isEmpty();
        if (!FEED_SCHEMES.contains(scheme) || !named) {
            throw bad("calendarFeed", "not an http, https or file URL: '" + text
                    + "' (e.g. https://calendar.example.com/erik.ics)");
        }
        return Optional.of(feed);
    }

    /** The services as the API reads them back: extra terminal, forwarding and presentation. */
    static Map<String, Object> describe(User user) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("extraTerminal", user.extraTerminal());
        Forwarding f = user.forwarding();
        Map<String, Object> forwarding = new LinkedHashMap<>();
        f.always().ifPresent(t -> forwarding.put("always", target(t)));
        f.onBusy().ifPresent(t -> forwarding.put("busy", target(t)));
        f.onNoAnswer().ifPresent(t -> forwarding.put("noAnswer", target(t)));
        forwarding.put("noAnswerAfterSeconds", f.noAnswerAfter().toSeconds());
        f.onUnreachable().ifPresent(t -> forwarding.put("unreachable", target(t)));
        doc.put("forwarding", forwarding);
        doc.put("presentation", switch (user.presentation()) {
            case Presentation.OwnNumber p -> "own";
            case Presentation.MainNumber p -> "main";
            case Presentation.Mobile p -> "mobile";
            case Presentation.QueueNumber p -> Map.of("queue", p.queue().value());
        });
        return doc;
    }

    private static Map<String, String> target(CallTarget target) {
        return switch (target) {
            case CallTarget.ToQueue t -> Map.of("queue", t.queue().value());
            case CallTarget.ToUser t -> Map.of("user", t.user().value());
            case CallTarget.ToNumber t -> Map.of("number", t.number().value());
        };
    }

    private static <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw bad(field, e.getMessage());
        }
    }

    private static ApiException bad(String field, String problem) {
        return ApiException.badRequest("field '" + field + "': " + problem);
    }
}
