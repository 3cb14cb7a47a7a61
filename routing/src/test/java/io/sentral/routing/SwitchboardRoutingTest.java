package io.sentral.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.ConfigLoader;
import io.sentral.config.SentralConfig;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallOrigin;
import io.sentral.core.call.CallRequest;
import io.sentral.core.call.Diversion;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.policy.CallerIdAction;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.registration.Binding;
import io.sentral.core.route.CallerIdentity;
import io.sentral.core.route.Destination;
import io.sentral.core.route.RedirectedCall;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceReason;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * S1-S9 decisions for the demo switchboard fjord: numbers to queues and users, a user's devices,
 * absence and forwarding with loop protection, queue offers, transfers, and calls from users'
 * devices (extensions, presentation numbers, emergency).
 */
class SwitchboardRoutingTest {
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final String CALLER = "+4791234567";
    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");

    private final SentralConfig demo = ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE);
    private final MutableClock clock = new MutableClock(NOW);
    private final Map<String, List<Binding>> registered = new HashMap<>();
    private final List<Absence> absences = new ArrayList<>();
    private TenantSnapshot tenants = TenantSnapshot.of(demo.customers());
    private java.math.BigDecimal spent = java.math.BigDecimal.ZERO;

    private DefaultCallRouter router() {
        RoutingServices services = new RoutingServices(NumberPlan.nordicDefaults(), new TrunkCapacity(clock),
                tenant -> spent, gateway -> true, clock, new Random(7));
        return new DefaultCallRouter(() -> tenants, aor -> registered.getOrDefault(aor, List.of()), demo.gateways(),
                "sentral.test", Country.NO, services,
                user -> absences.stream().filter(a -> a.user().equals(user)).toList());
    }

    private void register(String user, String contact) {
        registered.computeIfAbsent(user + "@sentral.test", k -> new ArrayList<>()).add(new Binding(
                user + "@sentral.test", contact, NOW.plusSeconds(3600), "reg-" + contact, 1,
                SipEndpoint.parse("127.0.0.1:5070"), 1.0f));
    }

    private void changeUser(String id, UnaryOperator<User> change) {
        tenants = TenantSnapshot.of(demo.customers().stream().map(p -> !p.tenant().equals(FJORD) ? p
                : new CustomerProvisioning(p.customer(), p.trunks(), p.ranges(), p.extraNumbers(), p.mainNumber(),
                p.emergencyAddresses(), p.users().stream().map(u -> u.id().value().equals(id) ? change.apply(u) : u)
                .toList(), p.queues(), p.vipList(), p.barrings(), p.webAccounts(), p.monthlyCostLimit(),
                p.portedIn())).toList());
    }

    private void changeFjord(UnaryOperator<CustomerProvisioning> change) {
        tenants = TenantSnapshot.of(tenants.customers().stream().map(c -> tenants.provisioning(c.id()).orElseThrow())
                .map(p -> p.tenant().equals(FJORD) ? change.apply(p) : p).toList());
    }

    private static UnaryOperator<User> forwarding(Forwarding forwarding) {
        return u -> new User(u.tenant(), u.id(), u.firstName(), u.lastName(), u.department(), u.extension(),
                u.sipCredentials(), u.mobile(), u.directNumber(), u.extraTerminal(), forwarding, u.presentation());
    }

    private static UnaryOperator<User> presenting(Presentation presentation) {
        return u -> new User(u.tenant(), u.id(), u.firstName(), u.lastName(), u.department(), u.extension(),
                u.sipCredentials(), u.mobile(), u.directNumber(), u.extraTerminal(), u.forwarding(), presentation);
    }

    private static Forwarding on(Forwarding.DivertCondition condition, CallTarget target) {
        Optional<CallTarget> t = Optional.of(target);
        Optional<CallTarget> none = Optional.empty();
        return switch (condition) {
            case ALWAYS -> new Forwarding(t, none, none, Duration.ofSeconds(20), none);
            case BUSY -> new Forwarding(none, t, none, Duration.ofSeconds(20), none);
            case NO_ANSWER -> new Forwarding(none, none, t, Duration.ofSeconds(12), none);
            case UNREACHABLE -> new Forwarding(none, none, none, Duration.ofSeconds(20), t);
        };
    }

    private RoutePlan callIn(String number) {
        return router().route(CallRequest.simple("in-1", new CallOrigin.Carrier("carrier-1"), number, CALLER));
    }

    private RoutePlan dialFrom(String user, String dialled) {
        return router().route(CallRequest.simple("out-1", new CallOrigin.SwitchboardUser(FJORD, UserId.of(user)),
                dialled, user));
    }

    private static RedirectedCall waiting(Diversion... chain) {
        return new RedirectedCall("in-1", CallDirection.INBOUND, FJORD, CallerIdentity.plain(CALLER),
                Optional.of(E164Number.of(CALLER)), List.of(chain));
    }

    @Test
    void theMainNumberQueuesAndTheSupportNumberQueues_S2() {
        assertThat(callIn("+4723450000")).isInstanceOfSatisfying(RoutePlan.JoinQueue.class,
                q -> assertThat(q.queue()).isEqualTo(QueueName.of("Sentralbord")));
        assertThat(callIn("23450050")).isInstanceOfSatisfying(RoutePlan.JoinQueue.class,
                q -> assertThat(q.queue()).isEqualTo(QueueName.of("Support")));
    }

    @Test
    void aNumberWithoutUserOrQueueIsNotFound() {
        RoutePlan.Reject reject = RoutingFixture.reject(callIn("+4723450199"));
        assertThat(reject.status()).isEqualTo(404);
        assertThat(reject.reason()).contains("+4723450199");
    }

    @Test
    void aDirectNumberRingsEveryRegisteredDevice_S1() {
        register("alice", "sip:alice@127.0.0.1:5071");
        register("alice", "sip:alice@127.0.0.1:5072");
        assertThat(callIn("+4723450101")).isInstanceOfSatisfying(RoutePlan.RingUser.class, r -> {
            assertThat(r.user()).isEqualTo(UserId.of("alice"));
            assertThat(r.devices()).extracting(Destination::uri)
                    .containsExactly("sip:alice@127.0.0.1:5071", "sip:alice@127.0.0.1:5072");
            assertThat(r.noAnswerAfter()).isEmpty();
            assertThat(r.caller().fromUser()).isEqualTo(CALLER);
        });
    }

    @Test
    void anExtraTerminalRingsTheMobileThroughTheCarrier_S1() {
        register("alice", "sip:alice@127.0.0.1:5071");
        changeUser("alice", u -> new User(u.tenant(), u.id(), u.firstName(), u.lastName(), u.department(),
                u.extension(), u.sipCredentials(), u.mobile(), u.directNumber(), true, u.forwarding(),
                u.presentation()));
        assertThat(callIn("+4723450101")).isInstanceOfSatisfying(RoutePlan.RingUser.class, r ->
                assertThat(r.devices()).extracting(Destination::uri)
                        .contains("sip:alice@127.0.0.1:5071").anyMatch(uri -> uri.startsWith("sip:+4791000101@")));
    }

    @Test
    void aUserWithoutDevicesIsUnavailableOrForwardedWhenUnreachable_S7() {
        assertThat(RoutingFixture.reject(callIn("+4723450101")).status()).isEqualTo(480);
        changeUser("alice", forwarding(on(Forwarding.DivertCondition.UNREACHABLE,
                new CallTarget.ToNumber(E164Number.of("+4791000101")))));
        RoutePlan.Forward out = RoutingFixture.forward(callIn("+4723450101"));
        assertThat(out.requestUser()).isEqualTo("+4791000101");
        assertThat(out.callerUser()).as("the original caller").isEqualTo(CALLER);
        assertThat(out.diversions()).containsExactly(new Diversion("+4723450101", Diversion.Reason.UNAVAILABLE));
    }

    @Test
    void unconditionalForwardingToAQueue_S7() {
        register("alice", "sip:alice@127.0.0.1:5071");
        changeUser("alice", forwarding(on(Forwarding.DivertCondition.ALWAYS,
                new CallTarget.ToQueue(QueueName.of("Support")))));
        assertThat(callIn("+4723450101")).isInstanceOfSatisfying(RoutePlan.JoinQueue.class, q -> {
            assertThat(q.queue()).isEqualTo(QueueName.of("Support"));
            assertThat(q.diversions()).containsExactly(new Diversion("+4723450101", Diversion.Reason.UNCONDITIONAL));
        });
    }

    @Test
    void forwardingOnNoAnswerSetsTheRingTime_S7() {
        register("alice", "sip:alice@127.0.0.1:5071");
        changeUser("alice", forwarding(on(Forwarding.DivertCondition.NO_ANSWER,
                new CallTarget.ToUser(UserId.of("carol")))));
        assertThat(callIn("+4723450101")).isInstanceOfSatisfying(RoutePlan.RingUser.class,
                r -> assertThat(r.noAnswerAfter()).hasValue(Duration.ofSeconds(12)));

        register("carol", "sip:carol@127.0.0.1:5073");
        RoutePlan next = router().divert(waiting(), UserId.of("alice"), Forwarding.DivertCondition.NO_ANSWER);
        assertThat(next).isInstanceOfSatisfying(RoutePlan.RingUser.class, r -> {
            assertThat(r.user()).isEqualTo(UserId.of("carol"));
            assertThat(r.diversions()).containsExactly(new Diversion("+4723450101", Diversion.Reason.NO_ANSWER));
        });
    }

    @Test
    void withoutForwardingABusyUserIsBusy_S7() {
        RoutePlan.Reject reject = RoutingFixture.reject(
                router().divert(waiting(), UserId.of("bob"), Forwarding.DivertCondition.BUSY));
        assertThat(reject.status()).isEqualTo(486);
    }

    @Test
    void forwardingLoopsAreStopped_S7() {
        changeUser("bob", forwarding(on(Forwarding.DivertCondition.BUSY, new CallTarget.ToUser(UserId.of("alice")))));
        RoutePlan backToAlice = router().divert(waiting(new Diversion("+4723450101", Diversion.Reason.USER_BUSY)),
                UserId.of("bob"), Forwarding.DivertCondition.BUSY);
        assertThat(RoutingFixture.reject(backToAlice).status()).isEqualTo(482);

        Diversion hop = new Diversion("+4790000000", Diversion.Reason.NO_ANSWER);
        RoutePlan tooMany = router().redirect(waiting(hop, hop, hop, hop, hop),
                new CallTarget.ToNumber(E164Number.of("+4791000103")), hop);
        assertThat(RoutingFixture.reject(tooMany).status()).isEqualTo(482);
    }

    @Test
    void anAbsentUserIsForwardedOrRefusedWithTheReason_S6() {
        register("bob", "sip:bob@127.0.0.1:5072");
        absences.add(new Absence(UserId.of("bob"), AbsenceReason.VACATION, NOW.minusSeconds(60),
                Optional.of(Instant.parse("2030-03-08T08:00:00Z")), Optional.empty(), Absence.Source.MANUAL));
        RoutePlan.Reject away = RoutingFixture.reject(callIn("+4723450102"));
        assertThat(away.status()).isEqualTo(480);
        assertThat(away.reason()).contains("Bob Nilsen is absent (vacation) until 2030-03-08 09:00");

        absences.clear();
        absences.add(new Absence(UserId.of("bob"), AbsenceReason.MEETING, NOW.minusSeconds(60), Optional.empty(),
                Optional.of(E164Number.of("+4723450103")), Absence.Source.CALENDAR));
        register("carol", "sip:carol@127.0.0.1:5073");
        assertThat(callIn("+4723450102")).as("forwarded inside to Carol's direct number")
                .isInstanceOfSatisfying(RoutePlan.RingUser.class, r -> {
                    assertThat(r.user()).isEqualTo(UserId.of("carol"));
                    assertThat(r.diversions()).containsExactly(new Diversion("+4723450102", Diversion.Reason.AWAY));
                });

        clock.advance(Duration.ofDays(400));
        absences.clear();
        assertThat(callIn("+4723450102")).isInstanceOf(RoutePlan.RingUser.class);
    }

    @Test
    void aQueueOfferRingsTheAgentsDevicesWithoutForwarding_S2() {
        changeUser("alice", forwarding(on(Forwarding.DivertCondition.NO_ANSWER,
                new CallTarget.ToUser(UserId.of("carol")))));
        assertThat(RoutingFixture.reject(router().offer(waiting(), UserId.of("alice"))).status()).isEqualTo(480);
        register("alice", "sip:alice@127.0.0.1:5071");
        assertThat(router().offer(waiting(), UserId.of("alice"))).isInstanceOfSatisfying(RoutePlan.RingUser.class,
                r -> assertThat(r.noAnswerAfter()).isEmpty());
    }

    @Test
    void transfersGoToAnExtensionAQueueOrThePublicNetwork_S8() {
        register("carol", "sip:carol@127.0.0.1:5073");
        assertThat(router().transfer(waiting(), UserId.of("alice"), "103"))
                .isInstanceOfSatisfying(RoutePlan.RingUser.class, r -> assertThat(r.user()).isEqualTo(UserId.of("carol")));
        assertThat(router().transfer(waiting(), UserId.of("alice"), "+4723450050"))
                .isInstanceOfSatisfying(RoutePlan.JoinQueue.class,
                        q -> assertThat(q.queue()).isEqualTo(QueueName.of("Support")));
        RoutePlan.Forward external = RoutingFixture.forward(router().transfer(waiting(), UserId.of("alice"), "91234568"));
        assertThat(external.requestUser()).isEqualTo("+4791234568");
        assertThat(external.callerUser()).isEqualTo(CALLER);
        assertThat(RoutingFixture.reject(router().transfer(waiting(), UserId.of("alice"), "999")).status())
                .isEqualTo(404);
    }

    @Test
    void legsOnwardToThePublicNetworkObeyTheCustomersBarringsAndCostLimit_T8() {
        changeUser("bob", forwarding(on(Forwarding.DivertCondition.ALWAYS,
                new CallTarget.ToNumber(E164Number.of("+46701234567")))));
        assertThat(callIn("+4723450102")).as("abroad, without bars").isInstanceOf(RoutePlan.Forward.class);

        changeFjord(p -> p.withBarrings(java.util.Set.of(io.sentral.core.barring.BarringClass.INTERNATIONAL)));
        RoutePlan.Reject barred = RoutingFixture.reject(callIn("+4723450102"));
        assertThat(barred.status()).isEqualTo(403);
        assertThat(barred.reason()).isEqualTo("Forbidden (international calls barred)");
        assertThat(barred.events()).containsExactly(new PolicyEvent.CallBarred(FJORD,
                io.sentral.core.tenant.TrunkId.of("fjord-switchboard"), io.sentral.core.barring.BarringClass.INTERNATIONAL));
        assertThat(RoutingFixture.reject(router().transfer(waiting(), UserId.of("alice"), "+46701234567")).status())
                .as("a transfer abroad too").isEqualTo(403);
        assertThat(router().transfer(waiting(), UserId.of("alice"), "91234568")).as("national is not barred")
                .isInstanceOf(RoutePlan.Forward.class);

        changeFjord(p -> p.withMonthlyCostLimit(Optional.of(new java.math.BigDecimal("100"))));
        spent = new java.math.BigDecimal("100.00");
        RoutePlan.Reject overLimit = RoutingFixture.reject(router().transfer(waiting(), UserId.of("alice"), "91234568"));
        assertThat(overLimit.reason()).isEqualTo("Forbidden (monthly cost limit reached)");
        assertThat(overLimit.events()).containsExactly(new PolicyEvent.CostLimitReached(FJORD,
                io.sentral.core.tenant.TrunkId.of("fjord-switchboard")));
        assertThat(router().transfer(waiting(), UserId.of("alice"), "80012345")).as("freephone costs nothing")
                .isInstanceOf(RoutePlan.Forward.class);
        register("carol", "sip:carol@127.0.0.1:5073");
        assertThat(router().transfer(waiting(), UserId.of("alice"), "103")).as("a colleague is free")
                .isInstanceOf(RoutePlan.RingUser.class);
    }

    @Test
    void anExtensionFromAUsersDeviceRingsTheColleague_S1() {
        register("alice", "sip:alice@127.0.0.1:5071");
        assertThat(dialFrom("bob", "101")).isInstanceOfSatisfying(RoutePlan.RingUser.class, r -> {
            assertThat(r.direction()).isEqualTo(CallDirection.INTERNAL);
            assertThat(r.caller().fromUser()).isEqualTo("+4723450102");
        });
    }

    @Test
    void outgoingCallsPresentTheChosenNumberIfOwned_S9() {
        assertThat(RoutingFixture.forward(dialFrom("alice", "91234568")).caller().asserted())
                .hasValue("+4723450101");
        changeUser("alice", presenting(new Presentation.MainNumber()));
        assertThat(RoutingFixture.forward(dialFrom("alice", "91234568")).caller().asserted()).hasValue("+4723450000");
        changeUser("alice", presenting(new Presentation.QueueNumber(QueueName.of("Support"))));
        assertThat(RoutingFixture.forward(dialFrom("alice", "91234568")).caller().asserted()).hasValue("+4723450050");

        changeUser("alice", presenting(new Presentation.Mobile()));
        RoutePlan.Forward unowned = RoutingFixture.forward(dialFrom("alice", "91234568"));
        assertThat(unowned.caller().asserted()).as("an unowned mobile is replaced by the main number")
                .hasValue("+4723450000");
        assertThat(unowned.events()).anyMatch(e -> e instanceof PolicyEvent.CallerIdNotOwned n
                && n.action() == CallerIdAction.REPLACED);
    }

    @Test
    void anEmergencyCallFromAUserGoesToThePsapWithTheUsersNumber_S1() {
        RoutePlan.Forward emergency = RoutingFixture.forward(dialFrom("carol", "112"));
        assertThat(emergency.emergency()).hasValueSatisfying(e ->
                assertThat(e.locationNumber()).isEqualTo(E164Number.of("+4723450103")));
        assertThat(emergency.destinations().getFirst().label()).contains("emergency");
    }
}
