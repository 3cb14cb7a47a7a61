package io.sentral.routing.queue;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.switchboard.WhenNoAgent;
import io.sentral.core.tenant.TenantId;
import io.sentral.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Queues, agents and callers for the queue engine tests, on a clock the test moves. */
final class QueueFixture {
    static final TenantId FJORD = TenantId.of("fjord");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final UserId CAROL = UserId.of("carol");
    static final QueueName SALES = QueueName.of("Sales");
    static final QueueName HELP = QueueName.of("Help");
    static final E164Number VIP = E164Number.of("+4790000001");
    static final E164Number VIP_2 = E164Number.of("+4790000002");
    static final E164Number CARLA = E164Number.of("+4798000001");
    static final E164Number DAN = E164Number.of("+4798000002");
    static final E164Number EVA = E164Number.of("+4798000003");
    static final Instant START = Instant.parse("2025-03-03T08:00:00Z");

    final MutableClock clock = new MutableClock(START);

    /** A queue with defaults a test changes: serial, 15 s ring, no wrap-up, 60 s max wait, no limit, no overflow, wait. */
    static Spec queue(QueueName name, UserId... members) {
        return new Spec(name, List.of(members));
    }

    QueueEngine engine(Spec... specs) {
        return new QueueEngine(List.of(specs).stream().map(Spec::settings).toList(), Set.of(VIP, VIP_2), clock);
    }

    void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    Instant at(long secondsAfterStart) {
        return START.plusSeconds(secondsAfterStart);
    }

    static QueueDecision join(QueueEngine engine, String callId, E164Number caller, QueueName queue) {
        return engine.join(Join.fresh(CallId.of(callId), caller, queue));
    }

    static CallId id(String callId) {
        return CallId.of(callId);
    }

    /** The agents of the only offer in the decision. */
    static List<UserId> offered(QueueDecision decision) {
        List<QueueAction.Offer> offers = decision.actions(QueueAction.Offer.class);
        if (offers.size() != 1) {
            throw new AssertionError("expected one offer, got " + decision.actions());
        }
        return offers.getFirst().agents();
    }

    static final class Spec {
        private final QueueName name;
        private final List<UserId> members;
        private QueueStrategy strategy = QueueStrategy.SERIAL;
        private Duration ring = Duration.ofSeconds(15);
        private Duration wrapUp = Duration.ZERO;
        private Duration maxWait = Duration.ofSeconds(60);
        private int maxWaiting;
        private Optional<CallTarget> overflow = Optional.empty();
        private WhenNoAgent whenNoAgent = WhenNoAgent.WAIT;
        private int autopause;

        private Spec(QueueName name, List<UserId> members) {
            this.name = name;
            this.members = members;
        }

        Spec strategy(QueueStrategy value) {
            strategy = value;
            return this;
        }

        Spec wrapUp(long seconds) {
            wrapUp = Duration.ofSeconds(seconds);
            return this;
        }

        Spec maxWait(long seconds) {
            maxWait = Duration.ofSeconds(seconds);
            return this;
        }

        Spec maxWaiting(int value) {
            maxWaiting = value;
            return this;
        }

        Spec overflowTo(CallTarget target) {
            overflow = Optional.of(target);
            return this;
        }

        Spec overflowTo(QueueName queue) {
            return overflowTo(new CallTarget.ToQueue(queue));
        }

        Spec whenNoAgent(WhenNoAgent value) {
            whenNoAgent = value;
            return this;
        }

        Spec autopause(int misses) {
            autopause = misses;
            return this;
        }

        QueueSettings settings() {
            E164Number number = E164Number.of("+472345" + String.format("%04d", Math.floorMod(name.value().hashCode(), 10000)));
            return new QueueSettings(new Queue(FJORD, name, number, members, strategy, ring, wrapUp, maxWait,
                    maxWaiting, overflow), whenNoAgent, autopause);
        }
    }
}
