package io.sentral.core.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The last line of defence for provisioning that did not come through the config loader. */
class CustomerProvisioningTest {
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final Customer CUSTOMER = new Customer(FJORD, "Fjord AS", Country.NO);
    private static final List<RangeAssignment> RANGES = List.of(
            new RangeAssignment(FJORD, NumberRange.of("+4723450000", "+4723450199"), Optional.empty()));

    private static CustomerProvisioning withQueue(Queue queue, List<RangeAssignment> ranges) {
        return new CustomerProvisioning(CUSTOMER, List.of(), ranges, List.of(), Optional.empty(), List.of(), List.of(),
                List.of(queue), List.of(), Set.of(), List.of());
    }

    private static Queue queue(String number, List<UserId> members) {
        return new Queue(FJORD, QueueName.of("Sentralbord"), E164Number.of(number), members, QueueStrategy.RING_ALL,
                Duration.ofSeconds(15), Duration.ZERO, Duration.ofSeconds(60), 0, Optional.empty());
    }

    @Test
    void numbersWithoutAnEmergencyAddressAreCounted_T6() {
        var address = io.sentral.core.emergency.CivicAddress.of("Kaigaten", "5", "5015", "Bergen", Country.NO);
        var partly = List.of(new io.sentral.core.emergency.EmergencyAddressAssignment(FJORD,
                NumberRange.of("+4723450000", "+4723450098"), address));
        CustomerProvisioning fjord = new CustomerProvisioning(CUSTOMER, List.of(), RANGES, List.of(), Optional.empty(),
                partly, List.of(), List.of(), List.of(), Set.of(), List.of());
        assertThat(fjord.numbersWithoutEmergencyAddress()).isEqualTo(101);
        assertThat(CustomerProvisioning.empty(CUSTOMER).numbersWithoutEmergencyAddress()).isZero();
    }

    @Test
    void queueMembersMustBeUsers() {
        assertThatThrownBy(() -> withQueue(queue("+4723450000", List.of(UserId.of("alice"))), RANGES))
                .hasMessage("customer fjord: queue Sentralbord member alice is not a user");
    }

    @Test
    void queueNumberMustBeOwned() {
        assertThatThrownBy(() -> withQueue(queue("+4723459999", List.of()), RANGES))
                .hasMessage("customer fjord: number of queue Sentralbord +4723459999 is not among the customer's numbers");
    }

    @Test
    void rangesMustNotOverlap() {
        List<RangeAssignment> overlapping = List.of(RANGES.getFirst(),
                new RangeAssignment(FJORD, NumberRange.of("+4723450100", "+4723450299"), Optional.empty()));
        assertThatThrownBy(() -> withQueue(queue("+4723450000", List.of()), overlapping))
                .hasMessage("customer fjord: ranges +4723450000-+4723450199 and +4723450100-+4723450299 overlap");
    }

    @Test
    void rangesMustBeNorwegianOrSwedish() {
        List<RangeAssignment> danish = List.of(
                new RangeAssignment(FJORD, NumberRange.of("+4512345600", "+4512345699"), Optional.empty()));
        assertThatThrownBy(() -> new CustomerProvisioning(CUSTOMER, List.of(), danish, List.of(), Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), Set.of(), List.of()))
                .hasMessage("customer fjord: range +4512345600-+4512345699 is not a Norwegian (+47) or Swedish (+46)"
                        + " number");
    }

    private static CustomerProvisioning withPortedIn(PortedIn portedIn) {
        return new CustomerProvisioning(CUSTOMER, List.of(), RANGES, List.of(), Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), Set.of(), List.of(), Optional.empty(), List.of(portedIn));
    }

    private static PortedIn portedIn(String number, Optional<TrunkId> trunk) {
        return new PortedIn(FJORD, E164Number.of(number), trunk, Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void portedInNumbersAreNorwegianOrSwedishNewAndOnOwnTrunks() {
        assertThatThrownBy(() -> withPortedIn(portedIn("+4512345678", Optional.empty())))
                .hasMessage("customer fjord: ported-in number +4512345678 is not a Norwegian (+47) or Swedish (+46)"
                        + " number");
        assertThatThrownBy(() -> withPortedIn(portedIn("+4723450005", Optional.empty())))
                .hasMessage("customer fjord: ported-in number +4723450005 is already among the customer's numbers");
        assertThatThrownBy(() -> withPortedIn(portedIn("+4799887766", Optional.of(TrunkId.of("acme-pbx")))))
                .hasMessage("customer fjord: ported-in number +4799887766 is assigned to unknown trunk acme-pbx");
        assertThat(withPortedIn(portedIn("+4799887766", Optional.empty())).portedIn()).hasSize(1);
    }

    // Forwarding (S7) and presentation (S9) ------------------------------------------------------

    private static User user(String id, Forwarding forwarding, Presentation presentation) {
        return new User(FJORD, UserId.of(id), id, "", "", "10" + id.length(),
                DigestCredentials.fromPassword(id, "sentral.test", "secret"), Optional.empty(), Optional.empty(),
                false, forwarding, presentation);
    }

    private static Forwarding onBusy(CallTarget target) {
        return new Forwarding(Optional.empty(), Optional.of(target), Optional.empty(),
                Forwarding.DEFAULT_NO_ANSWER_AFTER, Optional.empty());
    }

    private static CustomerProvisioning withUsers(Optional<E164Number> mainNumber, User... users) {
        return new CustomerProvisioning(CUSTOMER, List.of(), RANGES, List.of(), mainNumber, List.of(),
                List.of(users), List.of(queue("+4723450000", List.of())), List.of(), Set.of(), List.of());
    }

    @Test
    void forwardingTargetsMustBeTheCustomersOwnUsersAndQueues() {
        User bob = user("bob", Forwarding.NONE, Presentation.DEFAULT);
        assertThatThrownBy(() -> withUsers(Optional.empty(),
                user("alice", onBusy(new CallTarget.ToUser(UserId.of("zed"))), Presentation.DEFAULT), bob))
                .hasMessage("customer fjord: user alice forwards on busy to unknown user zed");
        assertThatThrownBy(() -> withUsers(Optional.empty(), user("alice", new Forwarding(Optional.empty(),
                Optional.empty(), Optional.of(new CallTarget.ToQueue(QueueName.of("Support"))), Duration.ofSeconds(10),
                Optional.empty()), Presentation.DEFAULT)))
                .hasMessage("customer fjord: user alice forwards on no answer to unknown queue Support");
        assertThatThrownBy(() -> withUsers(Optional.empty(), user("alice", new Forwarding(
                Optional.of(new CallTarget.ToUser(UserId.of("alice"))), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(10), Optional.empty()), Presentation.DEFAULT)))
                .hasMessage("customer fjord: user alice forwards always to itself");

        Forwarding everywhere = new Forwarding(Optional.of(new CallTarget.ToQueue(QueueName.of("Sentralbord"))),
                Optional.of(new CallTarget.ToUser(UserId.of("bob"))),
                Optional.of(new CallTarget.ToNumber(E164Number.of("+4791000101"))), Duration.ofSeconds(25),
                Optional.of(new CallTarget.ToUser(UserId.of("bob"))));
        assertThat(withUsers(Optional.empty(), user("alice", everywhere, Presentation.DEFAULT), bob).users())
                .first().extracting(User::forwarding).isEqualTo(everywhere);
    }

    @Test
    void presentationNumbersMustExist() {
        assertThatThrownBy(() -> withUsers(Optional.empty(),
                user("alice", Forwarding.NONE, new Presentation.QueueNumber(QueueName.of("Support")))))
                .hasMessage("customer fjord: user alice presents the number of unknown queue Support");
        assertThatThrownBy(() -> withUsers(Optional.empty(), user("alice", Forwarding.NONE, new Presentation.MainNumber())))
                .hasMessage("customer fjord: user alice presents the main number, but the customer has none");
        assertThatThrownBy(() -> withUsers(Optional.empty(), user("alice", Forwarding.NONE, new Presentation.Mobile())))
                .hasMessage("customer fjord: user alice presents a mobile, but has none");
        assertThat(withUsers(Optional.of(E164Number.of("+4723450000")),
                user("alice", Forwarding.NONE, new Presentation.QueueNumber(QueueName.of("Sentralbord"))),
                user("bob", Forwarding.NONE, new Presentation.MainNumber())).users()).hasSize(2);
    }
}
