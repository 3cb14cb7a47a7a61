package io.sentral.routing;

import io.sentral.config.GatewayRole;
import io.sentral.config.GatewaySettings;
import io.sentral.core.call.Diversion;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberNormaliser;
import io.sentral.core.registration.Binding;
import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RedirectedCall;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.route.SwitchboardRouter;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceBook;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where switchboard calls go (S1-S8): a customer number to its queue or user, a user's devices,
 * absence and forwarding, queue overflow targets, agents' devices for queue offers, transfer
 * targets. Pure: reads the tenant snapshot, the registrar's contacts and the absence book.
 *
 * <p>Loops: every forwarding and overflow adds a {@link Diversion} to the call's chain; a call
 * diverted more than {@value #MAX_DIVERSIONS} times, or sent back to a user or queue that already
 * diverted it, is refused with 482 (like Asterisk's and Kamailio's hop limits for forwarding).
 * Transfers add nothing to the chain: a person may hand a caller back on purpose.
 */
final class SwitchboardRoutes implements SwitchboardRouter {
    static final int MAX_DIVERSIONS = 5;
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Supplier<TenantSnapshot> tenants;
    private final ContactDirectory contacts;
    private final List<GatewaySettings> carriers;
    private final GatewayOrder gatewayOrder;
    private final String sipDomain;
    private final AbsenceBook absences;
    private final OnwardPolicy onwardPolicy;
    private final Clock clock;

    SwitchboardRoutes(Supplier<TenantSnapshot> tenants, ContactDirectory contacts, List<GatewaySettings> gateways,
                      GatewayOrder gatewayOrder, String sipDomain, AbsenceBook absences, OnwardPolicy onwardPolicy,
                      Clock clock) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.carriers = gateways.stream().filter(g -> g.role() == GatewayRole.CARRIER).toList();
        this.gatewayOrder = Objects.requireNonNull(gatewayOrder, "gatewayOrder");
        this.sipDomain = Objects.requireNonNull(sipDomain, "sipDomain");
        this.absences = Objects.requireNonNull(absences, "absences");
        this.onwardPolicy = Objects.requireNonNull(onwardPolicy, "onwardPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A call to one of a switchboard customer's numbers: its queue or its user, else 404. */
    RoutePlan toCustomerNumber(TenantSnapshot snapshot, RedirectedCall call, E164Number number) {
        return internal(snapshot, call, number).orElseGet(() -> reject(404, "Not Found: no user or queue of "
                + call.tenant() + " has the number " + number, RouteRule.SWITCHBOARD_NUMBER));
    }

    /** A user's device dialled an extension of its own customer, if it is one. */
    Optional<RoutePlan> toExtension(TenantSnapshot snapshot, RedirectedCall call, String dialled) {
        return userByExtension(snapshot, call.tenant(), dialled)
                .map(user -> ringUser(snapshot, call, user, dialled));
    }

    /** The customer's own user or queue on {@code number}, if it is one. */
    Optional<RoutePlan> internal(TenantSnapshot snapshot, RedirectedCall call, E164Number number) {
        Optional<Queue> queue = snapshot.queueOn(number).filter(q -> q.tenant().equals(call.tenant()));
        if (queue.isPresent()) {
            return Optional.of(joinQueue(call, queue.get()));
        }
        return snapshot.userWithDirectNumber(number).filter(u -> u.tenant().equals(call.tenant()))
                .map(user -> ringUser(snapshot, call, user, number.value()));
    }

    private static RoutePlan joinQueue(RedirectedCall call, Queue queue) {
        return new RoutePlan.JoinQueue(call.direction(), queue.tenant(), queue.name(), queue.number().value(),
                call.caller(), call.callerNumber(), call.diversions(), RouteRule.SWITCHBOARD_QUEUE.label(), List.of());
    }

    /** S1, S6, S7: forwarding always, absence, the user's devices, forwarding when unreachable. */
    private RoutePlan ringUser(TenantSnapshot snapshot, RedirectedCall call, User user, String requestUser) {
        Forwarding forwarding = user.forwarding();
        if (forwarding.always().isPresent()) {
            return redirect(snapshot, call, forwarding.always().get(),
                    new Diversion(numberOf(user), Diversion.Reason.UNCONDITIONAL), true);
        }
        Optional<Absence> away = absences.absenceAt(user.id(), clock.instant());
        if (away.isPresent()) {
            if (away.get().forwardTo().isPresent()) {
                return redirect(snapshot, call, new CallTarget.ToNumber(away.get().forwardTo().get()),
                        new Diversion(numberOf(user), Diversion.Reason.AWAY), true);
            }
            return reject(480, "Temporarily Unavailable: " + user.displayName() + " is absent ("
                    + away.get().reason().label() + ") until " + until(away.get(), snapshot, user.tenant()),
                    RouteRule.SWITCHBOARD_ABSENCE);
        }
        List<Destination> devices = devicesOf(user);
        if (devices.isEmpty()) {
            if (forwarding.onUnreachable().isPresent()) {
                return redirect(snapshot, call, forwarding.onUnreachable().get(),
                        new Diversion(numberOf(user), Diversion.Reason.UNAVAILABLE), true);
            }
            return reject(480, "Temporarily Unavailable: " + user.displayName() + " has no registered device",
                    RouteRule.SWITCHBOARD_USER_DEVICES);
        }
        Optional<java.time.Duration> ringFor = forwarding.onNoAnswer().map(t -> forwarding.noAnswerAfter());
        return new RoutePlan.RingUser(call.direction(), user.tenant(), user.id(), requestUser, call.caller(), devices,
                ringFor, call.diversions(), RouteRule.SWITCHBOARD_USER_DEVICES.label(), List.of());
    }

    private String until(Absence absence, TenantSnapshot snapshot, TenantId tenant) {
        ZoneId zone = snapshot.customer(tenant).map(c -> c.country().zone()).orElse(clock.getZone());
        return absence.end().map(end -> UNTIL.format(end.atZone(zone))).orElse("further notice");
    }

    /** The user's registered devices, and the mobile through a carrier gateway if it rings along (S1). */
    private List<Destination> devicesOf(User user) {
        List<Binding> bindings = contacts.contactsOf(user.id().value() + "@" + sipDomain);
        List<Destination> devices = new ArrayList<>();
        for (int i = 0; i < bindings.size(); i++) {
            devices.add(new Destination(bindings.get(i).contactUri(), "device " + (i + 1) + " of " + user.id()));
        }
        if (user.extraTerminal() && user.mobile().isPresent() && !carriers.isEmpty()) {
            GatewaySettings gateway = gatewayOrder.order(carriers).getFirst();
            devices.add(new Destination(gateway.endpoint().uri(user.mobile().get().value()),
                    "mobile of " + user.id() + " via gateway " + gateway.name()));
        }
        return devices;
    }

    @Override
    public RoutePlan divert(RedirectedCall call, UserId userId, Forwarding.DivertCondition condition) {
        TenantSnapshot snapshot = tenants.get();
        Optional<User> user = userOf(snapshot, call.tenant(), userId);
        Optional<CallTarget> target = user.flatMap(u -> u.forwarding().targetOn(condition));
        if (target.isEmpty()) {
            return condition == Forwarding.DivertCondition.BUSY
                    ? reject(486, "Busy Here (" + userId + " forwards nowhere when busy)", RouteRule.SWITCHBOARD_FORWARDING)
                    : reject(480, "Temporarily Unavailable (" + userId + " forwards nowhere on "
                    + condition.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")",
                    RouteRule.SWITCHBOARD_FORWARDING);
        }
        Diversion.Reason reason = switch (condition) {
            case ALWAYS -> Diversion.Reason.UNCONDITIONAL;
            case BUSY -> Diversion.Reason.USER_BUSY;
            case NO_ANSWER -> Diversion.Reason.NO_ANSWER;
            case UNREACHABLE -> Diversion.Reason.UNAVAILABLE;
        };
        return redirect(snapshot, call, target.get(), new Diversion(numberOf(user.get()), reason), true);
    }

    @Override
    public RoutePlan redirect(RedirectedCall call, CallTarget target, Diversion diversion) {
        return redirect(tenants.get(), call, target, diversion, true);
    }

    private RoutePlan redirect(TenantSnapshot snapshot, RedirectedCall call, CallTarget target, Diversion diversion,
                               boolean divert) {
        RedirectedCall next = call;
        if (divert) {
            List<Diversion> chain = new ArrayList<>(call.diversions());
            chain.add(diversion);
            if (chain.size() > MAX_DIVERSIONS) {
                return reject(482, "Loop Detected (the call has been diverted " + chain.size() + " times)",
                        RouteRule.SWITCHBOARD_LOOP);
            }
            next = new RedirectedCall(call.callId(), call.direction(), call.tenant(), call.caller(),
                    call.callerNumber(), chain);
        }
        List<String> passed = call.diversions().stream().map(Diversion::divertingNumber).toList();
        return switch (target) {
            case CallTarget.ToQueue q -> {
                Optional<Queue> queue = snapshot.queue(call.tenant(), q.queue());
                if (queue.isEmpty()) {
                    yield reject(404, "Not Found: " + call.tenant() + " has no queue " + q.queue(),
                            RouteRule.SWITCHBOARD_QUEUE);
                }
                if (divert && passed.contains(queue.get().number().value())) {
                    yield loop("queue " + q.queue());
                }
                yield joinQueue(next, queue.get());
            }
            case CallTarget.ToUser u -> {
                Optional<User> user = userOf(snapshot, call.tenant(), u.user());
                if (user.isEmpty()) {
                    yield reject(404, "Not Found: " + call.tenant() + " has no user " + u.user(),
                            RouteRule.SWITCHBOARD_USER_DEVICES);
                }
                if (divert && passed.contains(numberOf(user.get()))) {
                    yield loop("user " + u.user());
                }
                yield ringUser(snapshot, next, user.get(), numberOf(user.get()));
            }
            case CallTarget.ToNumber n -> {
                if (divert && passed.contains(n.number().value())) {
                    yield loop(n.number().value());
                }
                RedirectedCall onward = next;
                yield internal(snapshot, onward, n.number()).orElseGet(() -> external(snapshot, onward, n.number()));
            }
        };
    }

    private static RoutePlan loop(String target) {
        return reject(482, "Loop Detected (the call has already been diverted by " + target + ")",
                RouteRule.SWITCHBOARD_LOOP);
    }

    /**
     * A forwarded or transferred call leaves for the public network with the original caller's
     * number. It keeps its direction (a call from the network stays inbound): the edge records the
     * leg onwards on its own, as forwarded/transferred (R1), and the customer's barrings and cost
     * limit apply to it ({@link OnwardPolicy}).
     */
    private RoutePlan external(TenantSnapshot snapshot, RedirectedCall call, E164Number number) {
        Optional<RoutePlan> refused = onwardPolicy.refusal(snapshot, call.tenant(), number);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (carriers.isEmpty()) {
            return reject(503, "Service Unavailable: no carrier gateway configured", RouteRule.SWITCHBOARD_EXTERNAL);
        }
        List<Destination> destinations = gatewayOrder.order(carriers).stream()
                .map(g -> new Destination(g.endpoint().uri(null), "gateway " + g.name()))
                .toList();
        return new RoutePlan.Forward(call.direction(), Optional.of(call.tenant()), Optional.empty(),
                number.value(), call.caller(), destinations, RouteRule.SWITCHBOARD_EXTERNAL.label(), Optional.empty(),
                List.of(), call.diversions());
    }

    @Override
    public RoutePlan offer(RedirectedCall call, UserId agent) {
        Optional<User> user = userOf(tenants.get(), call.tenant(), agent);
        List<Destination> devices = user.map(this::devicesOf).orElse(List.of());
        if (devices.isEmpty()) {
            return reject(480, "Temporarily Unavailable: agent " + agent + " has no registered device",
                    RouteRule.SWITCHBOARD_OFFER);
        }
        return new RoutePlan.RingUser(call.direction(), call.tenant(), agent, numberOf(user.get()), call.caller(),
                devices, Optional.empty(), call.diversions(), RouteRule.SWITCHBOARD_OFFER.label(), List.of());
    }

    @Override
    public RoutePlan transfer(RedirectedCall call, UserId by, String dialled) {
        TenantSnapshot snapshot = tenants.get();
        Optional<User> extension = userByExtension(snapshot, call.tenant(), dialled);
        if (extension.isPresent()) {
            return redirect(snapshot, call, new CallTarget.ToUser(extension.get().id()), null, false);
        }
        Optional<Customer> customer = snapshot.customer(call.tenant());
        Optional<E164Number> number = customer.flatMap(c -> NumberNormaliser.normalise(dialled, c.country()))
                .filter(n -> !dialled.matches("[0-9]{1,6}"));
        if (number.isEmpty()) {
            return reject(404, "Not Found: '" + ReasonText.quote(dialled) + "' is neither an extension of "
                    + call.tenant() + " nor a number", RouteRule.SWITCHBOARD_TRANSFER);
        }
        return redirect(snapshot, call, new CallTarget.ToNumber(number.get()), null, false);
    }

    private static Optional<User> userOf(TenantSnapshot snapshot, TenantId tenant, UserId id) {
        return snapshot.userByUsername(id.value()).filter(u -> u.tenant().equals(tenant));
    }

    static Optional<User> userByExtension(TenantSnapshot snapshot, TenantId tenant, String dialled) {
        return snapshot.users(tenant).stream().filter(u -> u.extension().equals(dialled)).findFirst();
    }

    /** How a user appears in a Diversion chain: the direct number, else the extension. */
    static String numberOf(User user) {
        return user.directNumber().map(E164Number::value).orElse(user.extension());
    }

    private static RoutePlan reject(int status, String reason, RouteRule rule) {
        return new RoutePlan.Reject(status, reason, rule.label());
    }
}
