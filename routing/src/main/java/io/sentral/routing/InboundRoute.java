package io.sentral.routing;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallRequest;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberNormaliser;
import io.sentral.core.portability.PortabilityTable;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.registration.Binding;
import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RedirectedCall;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import io.sentral.core.tenant.TrunkKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The inbound request route (T3): a call from the public network to a customer's number. Stages,
 * in order:
 * <ol>
 *   <li>{@link RouteRule#INBOUND_CALLEE_NUMBER} — the dialled number to E.164, else 484;</li>
 *   <li>{@link RouteRule#INBOUND_NUMBER_OWNER} — the customer that owns it: a number ported in
 *       whose porting date has come (T9), else the customer range holding it — unless the number
 *       has been ported away; else 404. Before its porting date a number ported in is as foreign
 *       as any other;</li>
 *   <li>{@link RouteRule#INBOUND_RANGE_TRUNK} — the trunk serving the number (the range's, or the
 *       one the porting names), else 480;</li>
 *   <li>{@link RouteRule#INBOUND_STATIC_TRUNK} / {@link RouteRule#INBOUND_REGISTERED_TRUNK} — deliver
 *       to the trunk's endpoint or its registered contacts (480 when none is registered).</li>
 * </ol>
 * Reads one {@link TenantSnapshot} per call, so the whole decision sees one version of the data.
 */
final class InboundRoute {
    private final ContactDirectory contacts;
    private final String sipDomain;
    private final Country inboundCountry;
    private final Clock clock;
    private final SwitchboardRoutes switchboard;

    /** The call entering the route, with the tenant data it is decided on. */
    private record Call(CallRequest request, TenantSnapshot tenants) {
    }

    /** After {@link RouteRule#INBOUND_CALLEE_NUMBER}: the dialled number in E.164. */
    private record Numbered(Call call, E164Number callee) {
    }

    /** After {@link RouteRule#INBOUND_NUMBER_OWNER}: the customer that owns it, and the trunk for it, if any. */
    private record Owned(Numbered numbered, TenantId tenant, Optional<TrunkId> trunk) {
    }

    /** After {@link RouteRule#INBOUND_RANGE_TRUNK}: the trunk that takes calls for the range. */
    private record ToTrunk(Owned owned, Trunk trunk) {
    }

    InboundRoute(ContactDirectory contacts, String sipDomain, Country inboundCountry, Clock clock,
                 SwitchboardRoutes switchboard) {
        this.switchboard = Objects.requireNonNull(switchboard, "switchboard");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.sipDomain = Objects.requireNonNull(sipDomain, "sipDomain");
        this.inboundCountry = Objects.requireNonNull(inboundCountry, "inboundCountry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    RoutePlan route(CallRequest request, TenantSnapshot tenants) {
        return Step.pass(new Call(request, tenants))
                .then(this::calleeNumber)
                .then(this::numberOwner)
                .then(this::rangeTrunk)
                .last(this::deliverToTrunk);
    }

    /** National numbers from the public network are read in the operator's own plan. */
    private Step<Numbered> calleeNumber(Call call) {
        String user = call.request().requestUser();
        return NumberNormaliser.normalise(user, inboundCountry)
                .<Step<Numbered>>map(number -> Step.pass(new Numbered(call, number)))
                .orElseGet(() -> reject(484, "Address Incomplete: '" + ReasonText.quote(user) + "' is not a number",
                        RouteRule.INBOUND_CALLEE_NUMBER));
    }

    private Step<Owned> numberOwner(Numbered numbered) {
        E164Number callee = numbered.callee();
        TenantSnapshot tenants = numbered.call().tenants();
        PortabilityTable portability = tenants.portability();
        Optional<PortedIn> portedIn = portability.portedIn(callee).filter(p -> p.activeAt(clock.instant()));
        if (portedIn.isPresent()) {
            return Step.pass(new Owned(numbered, portedIn.get().tenant(), portedIn.get().trunk()));
        }
        Optional<RangeAssignment> range = tenants.rangeOwning(callee);
        if (range.isEmpty()) {
            return reject(404, "Not Found: no customer owns " + callee, RouteRule.INBOUND_NUMBER_OWNER);
        }
        if (portability.portedOut(callee).isPresent()) {
            return reject(404, "Not Found: " + callee + " has been ported to another operator",
                    RouteRule.INBOUND_NUMBER_OWNER);
        }
        return Step.pass(new Owned(numbered, range.get().tenant(), range.get().trunk()));
    }

    /**
     * Numbers without a trunk belong to switchboard customers: their queues and users decide
     * ({@link SwitchboardRoutes}). A trunk that is gone, or belongs to another customer than the
     * number, does not get the call.
     */
    private Step<ToTrunk> rangeTrunk(Owned owned) {
        E164Number callee = owned.numbered().callee();
        if (owned.trunk().isEmpty()) {
            CallRequest request = owned.numbered().call().request();
            String caller = callerOf(request);
            Optional<E164Number> callerNumber = caller.startsWith("+")
                    ? NumberNormaliser.normalise(caller, inboundCountry) : Optional.empty();
            RedirectedCall call = new RedirectedCall(request.callId(), CallDirection.INBOUND, owned.tenant(),
                    CallerIdentity.plain(caller), callerNumber, List.of());
            return Step.decide(switchboard.toCustomerNumber(owned.numbered().call().tenants(), call, callee));
        }
        TrunkId trunkId = owned.trunk().get();
        Optional<Trunk> trunk = owned.numbered().call().tenants().trunk(trunkId)
                .filter(t -> t.tenant().equals(owned.tenant()));
        return trunk.<Step<ToTrunk>>map(t -> Step.pass(new ToTrunk(owned, t)))
                .orElseGet(() -> reject(480, "Temporarily Unavailable: trunk " + trunkId + " of "
                        + callee + " is not provisioned", RouteRule.INBOUND_RANGE_TRUNK));
    }

    private RoutePlan deliverToTrunk(ToTrunk toTrunk) {
        Trunk trunk = toTrunk.trunk();
        if (trunk.kind() == TrunkKind.STATIC) {
            Destination endpoint = new Destination(trunk.staticEndpoint().orElseThrow().uri(null),
                    "static trunk " + trunk.id());
            return forward(toTrunk, List.of(endpoint), RouteRule.INBOUND_STATIC_TRUNK);
        }
        String aor = trunk.credentials().orElseThrow().username() + "@" + sipDomain;
        List<Binding> bindings = contacts.contactsOf(aor);
        if (bindings.isEmpty()) {
            return new RoutePlan.Reject(480, "Temporarily Unavailable: trunk " + trunk.id() + " is not registered",
                    RouteRule.INBOUND_REGISTERED_TRUNK.label());
        }
        List<Destination> destinations = new ArrayList<>();
        for (int i = 0; i < bindings.size(); i++) {
            destinations.add(new Destination(bindings.get(i).contactUri(),
                    "contact " + (i + 1) + " of " + trunk.id()));
        }
        return forward(toTrunk, destinations, RouteRule.INBOUND_REGISTERED_TRUNK);
    }

    private RoutePlan forward(ToTrunk toTrunk, List<Destination> destinations, RouteRule rule) {
        Numbered numbered = toTrunk.owned().numbered();
        String caller = callerOf(numbered.call().request());
        return new RoutePlan.Forward(CallDirection.INBOUND, Optional.of(toTrunk.owned().tenant()),
                Optional.of(toTrunk.trunk().id()), numbered.callee().value(), caller, destinations, rule.label());
    }

    /** The caller's number in E.164 when it reads as one in the inbound plan, else as received. */
    private String callerOf(CallRequest request) {
        String fromUser = request.fromUser();
        return NumberNormaliser.normalise(fromUser, inboundCountry).map(E164Number::value).orElse(fromUser);
    }

    private static <T> Step<T> reject(int status, String reason, RouteRule rule) {
        return Step.decide(new RoutePlan.Reject(status, reason, rule.label()));
    }
}
