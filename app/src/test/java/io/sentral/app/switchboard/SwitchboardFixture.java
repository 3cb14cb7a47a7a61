package io.sentral.app.switchboard;

import io.sentral.config.ConfigLoader;
import io.sentral.core.number.E164Number;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.registration.Binding;
import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceBook;
import io.sentral.core.switchboard.AbsenceReason;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueJoin;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Transport;
import io.sentral.routing.queue.QueueBoard;
import io.sentral.routing.queue.QueueEvent;
import io.sentral.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The demo tenant fjord (DEMO.md, loaded from the shipped demo.yaml) behind a {@link QueueRuntime}
 * on a {@link ManualLane}: Sentralbord (alice, bob; longest-idle, 15 s ring, 5 s wrap-up, 60 s max
 * wait, 20 max, overflow to Support) and Support (carol; ring-all, 120 s max wait, overflow to
 * carol's mobile). Agents log in by registering a device in a fake registrar; the test moves the
 * clock with {@link #advance}, which also runs the 1 s presence sync.
 */
final class SwitchboardFixture {
    static final TenantId FJORD = TenantId.of("fjord");
    static final QueueName SENTRALBORD = QueueName.of("Sentralbord");
    static final QueueName SUPPORT = QueueName.of("Support");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId CAROL = UserId.of("carol");
    static final E164Number VIP = E164Number.of("+4790000001");
    static final E164Number DAN = E164Number.of("+4798000002");
    static final E164Number EVA = E164Number.of("+4798000003");
    static final E164Number CAROL_MOBILE = E164Number.of("+4791000103");
    static final Instant START = Instant.parse("2025-03-03T08:00:00Z");
    static final String DOMAIN = "sentral.test";
    static final Duration SYNC = Duration.ofSeconds(1);
    static final TenantSnapshot DEMO =
            TenantSnapshot.of(ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE).customers());

    final MutableClock clock = new MutableClock(START);
    final ManualLane lane = new ManualLane(clock);
    final AtomicReference<TenantSnapshot> snapshot = new AtomicReference<>(DEMO);
    final Registrar registrar = new Registrar();
    final Map<UserId, List<Absence>> absences = new HashMap<>();
    final List<QueueEvent> events = new ArrayList<>();
    private final Map<String, E164Number> callers = new HashMap<>();
    final RecordingEdge edge = new RecordingEdge(this::rejoin);
    final QueueRuntime runtime;

    SwitchboardFixture() {
        this(UnaryOperator.identity());
    }

    /** The demo with fjord's provisioning changed, e.g. {@code queue(SENTRALBORD, ...)}. */
    SwitchboardFixture(UnaryOperator<CustomerProvisioning> fjord) {
        provision(fjord);
        AbsenceBook book = user -> absences.getOrDefault(user, List.of());
        runtime = new QueueRuntime(snapshot::get, DOMAIN, registrar, book, () -> edge,
                (tenant, event) -> events.add(event), lane, clock).start(SYNC);
    }

    // ---- provisioning ---------------------------------------------------------------------------

    /** Changes fjord's provisioning in the tenant snapshot the runtime reads. */
    void provision(UnaryOperator<CustomerProvisioning> change) {
        snapshot.set(TenantSnapshot.of(snapshot.get().customers().stream()
                .map(c -> snapshot.get().provisioning(c.id()).orElseThrow())
                .map(p -> p.tenant().equals(FJORD) ? change.apply(p) : p).toList()));
    }

    /** Changes one of fjord's queues. */
    static UnaryOperator<CustomerProvisioning> queue(QueueName name, UnaryOperator<Queue> change) {
        return p -> copy(p, p.queues().stream().map(q -> q.name().equals(name) ? change.apply(q) : q).toList(),
                p.vipList());
    }

    static UnaryOperator<CustomerProvisioning> addQueue(Queue queue) {
        return p -> copy(p, Stream.concat(p.queues().stream(), Stream.of(queue))
                .toList(), p.vipList());
    }

    static UnaryOperator<CustomerProvisioning> vips(E164Number... numbers) {
        return p -> copy(p, p.queues(), List.of(numbers).stream()
                .map(n -> new VipEntry(FJORD, n, "VIP " + n)).toList());
    }

    static Queue ringAll(Queue q) {
        return new Queue(q.tenant(), q.name(), q.number(), q.members(), QueueStrategy.RING_ALL,
                q.ringTimeout(), q.wrapUp(), q.maxWait(), q.maxWaiting(), q.overflow());
    }

    static UnaryOperator<Queue> ringTimeout(Duration ring) {
        return q -> new Queue(q.tenant(), q.name(), q.number(), q.members(), q.strategy(), ring, q.wrapUp(),
                q.maxWait(), q.maxWaiting(), q.overflow());
    }

    /** The queue without overflow target, holding at most {@code maxWaiting} callers. */
    static UnaryOperator<Queue> noOverflow(int maxWaiting) {
        return q -> new Queue(q.tenant(), q.name(), q.number(), q.members(), q.strategy(), q.ringTimeout(),
                q.wrapUp(), q.maxWait(), maxWaiting, Optional.<CallTarget>empty());
    }

    private static CustomerProvisioning copy(CustomerProvisioning p, List<Queue> queues, List<VipEntry> vips) {
        return new CustomerProvisioning(p.customer(), p.trunks(), p.ranges(), p.extraNumbers(), p.mainNumber(),
                p.emergencyAddresses(), p.users(), queues, vips, p.barrings(), p.webAccounts(),
                p.monthlyCostLimit(), p.portedIn());
    }

    // ---- agents ---------------------------------------------------------------------------------

    /** The agent's phone registers; the agent is logged in from the next sync. */
    void register(UserId... users) {
        for (UserId user : users) {
            registrar.register(user);
        }
    }

    /** Registers the agents and runs a sync, so they are logged in now. */
    void logIn(UserId... users) {
        register(users);
        runtime.syncNow();
    }

    void absentFromNow(UserId user) {
        absences.computeIfAbsent(user, u -> new ArrayList<>()).add(new Absence(user, AbsenceReason.MEETING,
                clock.instant(), Optional.of(clock.instant().plus(Duration.ofHours(1))), Optional.empty(),
                Absence.Source.MANUAL));
    }

    // ---- callers --------------------------------------------------------------------------------

    void join(String callId, E164Number caller, QueueName queue) {
        callers.put(callId, caller);
        runtime.join(new QueueJoin(callId, FJORD, queue, Optional.of(caller), Optional.empty(), List.of()));
    }

    /** The edge's part of an overflow to a queue: the caller joins it, keeping original join and path. */
    private void rejoin(RecordingEdge.Overflow overflow) {
        if (overflow.target() instanceof CallTarget.ToQueue next) {
            runtime.join(new QueueJoin(overflow.callId(), FJORD, next.queue(),
                    Optional.ofNullable(callers.get(overflow.callId())), Optional.of(overflow.originalJoin()),
                    overflow.path()));
        }
    }

    void advance(long seconds) {
        lane.advanceSeconds(seconds);
    }

    Instant at(long secondsAfterStart) {
        return START.plusSeconds(secondsAfterStart);
    }

    QueueBoard board(QueueName queue) {
        return runtime.boards().join().get(FJORD).stream().filter(b -> b.queue().equals(queue)).findFirst()
                .orElseThrow();
    }

    <E extends QueueEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A registrar with one device per registered user. */
    static final class Registrar implements ContactDirectory {
        private final Map<String, List<Binding>> bindings = new HashMap<>();

        void register(UserId user) {
            String aor = user.value() + "@" + DOMAIN;
            bindings.put(aor, List.of(new Binding(aor, "sip:" + user.value() + "@127.0.0.9:5062",
                    START.plus(Duration.ofDays(1)), "reg-" + user.value(), 1,
                    new SipEndpoint("127.0.0.9", 5062, Transport.UDP), 1.0f)));
        }

        void unregister(UserId user) {
            bindings.remove(user.value() + "@" + DOMAIN);
        }

        @Override
        public List<Binding> contactsOf(String aor) {
            return bindings.getOrDefault(aor, List.of());
        }
    }
}
