package io.sentral.config;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the call services of one switchboard user, keys of a {@code users[]} item next to those
 * {@link SwitchboardBinder} binds: {@code extraTerminal} (S1), {@code forwarding} (S7),
 * {@code presentation} (S9) and {@code calendarFeed} (S6). References must resolve within the
 * customer, as {@code ProvisioningConsistency} requires, but are reported here at their YAML path.
 */
final class UserServicesBinder {
    /** The services of one user, each with its default when the key is left out. */
    record Services(boolean extraTerminal, Forwarding forwarding, Presentation presentation,
                    Optional<URI> calendarFeed) {
    }

    private static final Set<String> FORWARDING_KEYS = Set.of("always", "busy", "noAnswer", "noAnswerAfter",
            "unreachable");
    private static final Set<String> FEED_SCHEMES = Set.of("http", "https", "file");

    private final TenantId tenant;
    private final Set<QueueName> queues;
    private final Optional<E164Number> mainNumber;
    private final CallTargetBinder targets;

    UserServicesBinder(TenantId tenant, Set<UserId> users, Set<QueueName> queues, Optional<E164Number> mainNumber) {
        this.tenant = tenant;
        this.queues = Set.copyOf(queues);
        this.mainNumber = mainNumber;
        this.targets = new CallTargetBinder(tenant, users, queues);
    }

    /** The services of the user {@code id} described by the mapping {@code u}. */
    Services bind(YamlNode u, UserId id, Optional<E164Number> mobile) {
        boolean extraTerminal = u.optional("extraTerminal").map(YamlNode::bool).orElse(false);
        if (extraTerminal && mobile.isEmpty()) {
            throw u.required("extraTerminal").error("the mobile rings in parallel, but the user has no mobile");
        }
        Forwarding forwarding = u.optional("forwarding").map(f -> forwarding(f, id)).orElse(Forwarding.NONE);
        Presentation presentation = u.optional("presentation").map(p -> presentation(p, mobile))
                .orElse(Presentation.DEFAULT);
        Optional<URI> feed = u.optional("calendarFeed").map(UserServicesBinder::calendarFeed);
        return new Services(extraTerminal, forwarding, presentation, feed);
    }

    private Forwarding forwarding(YamlNode node, UserId self) {
        YamlNode f = node.object(FORWARDING_KEYS);
        Duration after = f.optional("noAnswerAfter").map(YamlNode::duration)
                .orElse(Forwarding.DEFAULT_NO_ANSWER_AFTER);
        if (after.isZero()) {
            throw f.required("noAnswerAfter").error("must be longer than 0");
        }
        return new Forwarding(target(f, "always", self), target(f, "busy", self), target(f, "noAnswer", self), after,
                target(f, "unreachable", self));
    }

    private Optional<CallTarget> target(YamlNode forwarding, String key, UserId self) {
        return forwarding.optional(key).map(node -> {
            CallTarget target = targets.bind(node);
            if (target instanceof CallTarget.ToUser to && to.user().equals(self)) {
                throw node.required("user").error("a user cannot forward to itself");
            }
            return target;
        });
    }

    private Presentation presentation(YamlNode node, Optional<E164Number> mobile) {
        if (node.isMapping()) {
            YamlNode q = node.object(Set.of("queue")).required("queue");
            QueueName queue = q.parse(QueueName::of);
            if (!queues.contains(queue)) {
                throw q.error("'" + queue + "' is not a queue of customer " + tenant);
            }
            return new Presentation.QueueNumber(queue);
        }
        return switch (node.text()) {
            case "own" -> new Presentation.OwnNumber();
            case "main" -> {
                if (mainNumber.isEmpty()) {
                    throw node.error("customer " + tenant + " has no mainNumber to present");
                }
                yield new Presentation.MainNumber();
            }
            case "mobile" -> {
                if (mobile.isEmpty()) {
                    throw node.error("the user has no mobile to present");
                }
                yield new Presentation.Mobile();
            }
            default -> throw node.error("unknown presentation '" + node.text()
                    + "' (expected own, main, mobile or {queue: <name>})");
        };
    }

    private static URI calendarFeed(YamlNode node) {
        URI feed = node.parse(UserServicesBinder::uri);
        String scheme = Optional.ofNullable(feed.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        boolean named = scheme.equals("file") ? feed.getPath() != null && !feed.getPath().isEmpty()
                : feed.getHost() != null && !feed.getHost().isEmpty();
        if (!FEED_SCHEMES.contains(scheme) || !named) {
            throw node.error("not an http, https or file URL: '" + feed
                    + "' (e.g. https://calendar.example.com/erik.ics or file:///var/lib/sentral/erik.ics)");
        }
        return feed;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
        }
    }
}
