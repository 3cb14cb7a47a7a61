package io.sentral.core.provisioning;

import io.sentral.core.account.WebAccount;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding.DivertCondition;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.Queue;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.switchboard.VipEntry;
import io.sentral.core.tenant.ExtraNumber;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules that tie the parts of a {@link CustomerProvisioning} together: everything belongs to
 * the one tenant, references resolve, numbers are owned and ranges do not overlap, and the numbers
 * the operator serves for the customer (ranges, ported-in numbers) are Norwegian or Swedish (T10;
 * verified extra numbers may be with any operator, so they are exempt). The config
 * loader checks the same rules first, to report them with their YAML path; this is the last line
 * for every other source (the API, the database).
 */
final class ProvisioningConsistency {
    private final TenantId tenant;

    ProvisioningConsistency(TenantId tenant) {
        this.tenant = tenant;
    }

    void check(List<Trunk> trunks, List<RangeAssignment> ranges, List<ExtraNumber> extraNumbers,
               Optional<E164Number> mainNumber, List<EmergencyAddressAssignment> addresses, List<User> users,
               List<Queue> queues, List<VipEntry> vipList, List<WebAccount> accounts, List<PortedIn> portedIn) {
        trunks.forEach(t -> ownTenant("trunk " + t.id(), t.tenant()));
        ranges.forEach(r -> ownTenant("range " + r.range(), r.tenant()));
        extraNumbers.forEach(e -> ownTenant("extra number " + e.number(), e.tenant()));
        addresses.forEach(a -> ownTenant("emergency address of " + a.range(), a.tenant()));
        users.forEach(u -> ownTenant("user " + u.id(), u.tenant()));
        queues.forEach(q -> ownTenant("queue " + q.name(), q.tenant()));
        vipList.forEach(v -> ownTenant("VIP " + v.number(), v.tenant()));
        accounts.forEach(a -> ownTenant("account " + a.name(), a.tenant().orElse(null)));
        portedIn.forEach(p -> ownTenant("ported-in number " + p.number(), p.tenant()));

        Set<TrunkId> trunkIds = unique("trunk", trunks, Trunk::id);
        Set<UserId> userIds = unique("user", users, User::id);
        Set<QueueName> queueNames = unique("queue", queues, Queue::name);
        unique("queue number", queues, Queue::number);
        unique("account", accounts, WebAccount::name);
        unique("extra number", extraNumbers, ExtraNumber::number);
        unique("VIP number", vipList, VipEntry::number);
        unique("ported-in number", portedIn, PortedIn::number);
        unique("extension", users, User::extension);
        unique("SIP username", java.util.stream.Stream.concat(
                trunks.stream().flatMap(t -> t.credentials().stream()).map(c -> c.username()),
                users.stream().map(u -> u.sipCredentials().username())).toList(), Function.identity());

        List<NumberRange> owned = ranges.stream().map(RangeAssignment::range).toList();
        owned.forEach(r -> requireNordic("range " + (r.size() == 1 ? r.first() : r), r));
        for (int i = 0; i < owned.size(); i++) {
            for (int j = i + 1; j < owned.size(); j++) {
                if (owned.get(i).overlaps(owned.get(j))) {
                    fail("ranges " + owned.get(i) + " and " + owned.get(j) + " overlap");
                }
            }
        }
        ranges.forEach(r -> r.trunk().filter(t -> !trunkIds.contains(t))
                .ifPresent(t -> fail("range " + r.range() + " is assigned to unknown trunk " + t)));
        trunks.forEach(t -> requireOwned("default number of trunk " + t.id(), t.defaultNumber(), owned, extraNumbers));
        mainNumber.ifPresent(n -> requireInRanges("main number", NumberRange.single(n), owned));
        addresses.forEach(a -> requireInRanges("emergency address range", a.range(), owned));
        users.forEach(u -> u.directNumber().ifPresent(
                n -> requireInRanges("direct number of user " + u.id(), NumberRange.single(n), owned)));
        for (Queue q : queues) {
            requireInRanges("number of queue " + q.name(), NumberRange.single(q.number()), owned);
            q.members().stream().filter(m -> !userIds.contains(m))
                    .forEach(m -> fail("queue " + q.name() + " member " + m + " is not a user"));
            q.overflow().ifPresent(o -> checkOverflow(q, o, userIds, queueNames));
        }
        for (User u : users) {
            checkForwarding(u, userIds, queueNames);
            checkPresentation(u, queueNames, mainNumber);
        }
        accounts.forEach(a -> a.user().filter(u -> !userIds.contains(u))
                .ifPresent(u -> fail("account " + a.name() + " links to unknown user " + u)));
        for (PortedIn p : portedIn) {
            String what = "ported-in number " + p.number();
            requireNordic(what, NumberRange.single(p.number()));
            if (owned.stream().anyMatch(r -> r.contains(p.number()))
                    || extraNumbers.stream().anyMatch(e -> e.number().equals(p.number()))) {
                fail(what + " is already among the customer's numbers");
            }
            p.trunk().filter(t -> !trunkIds.contains(t))
                    .ifPresent(t -> fail(what + " is assigned to unknown trunk " + t));
        }
    }

    /** T10: the operator serves Norwegian (+47) and Swedish (+46) numbers only. */
    private void requireNordic(String what, NumberRange range) {
        var country = Country.of(range.first());
        if (country.isEmpty() || !country.equals(Country.of(range.last()))) {
            fail(what + " is not a Norwegian (+47) or Swedish (+46) number");
        }
    }

    private void checkOverflow(Queue q, CallTarget target, Set<UserId> users, Set<QueueName> queues) {
        switch (target) {
            case CallTarget.ToQueue t when !queues.contains(t.queue()) ->
                    fail("queue " + q.name() + " overflows to unknown queue " + t.queue());
            case CallTarget.ToUser t when !users.contains(t.user()) ->
                    fail("queue " + q.name() + " overflows to unknown user " + t.user());
            default -> { }
        }
    }

    /** S7: a user forwards to the customer's own users and queues (or any number), never to itself. */
    private void checkForwarding(User user, Set<UserId> users, Set<QueueName> queues) {
        for (DivertCondition condition : DivertCondition.values()) {
            String what = "user " + user.id() + " forwards " + switch (condition) {
                case ALWAYS -> "always";
                case BUSY -> "on busy";
                case NO_ANSWER -> "on no answer";
                case UNREACHABLE -> "when unreachable";
            };
            switch (user.forwarding().targetOn(condition).orElse(null)) {
                case CallTarget.ToUser t when t.user().equals(user.id()) -> fail(what + " to itself");
                case CallTarget.ToUser t when !users.contains(t.user()) -> fail(what + " to unknown user " + t.user());
                case CallTarget.ToQueue t when !queues.contains(t.queue()) ->
                        fail(what + " to unknown queue " + t.queue());
                case null, default -> { }
            }
        }
    }

    /** S9: the number a user presents must resolve to one of the customer's (or the user's own). */
    private void checkPresentation(User user, Set<QueueName> queues, Optional<E164Number> mainNumber) {
        String what = "user " + user.id() + " presents ";
        switch (user.presentation()) {
            case Presentation.QueueNumber q when !queues.contains(q.queue()) ->
                    fail(what + "the number of unknown queue " + q.queue());
            case Presentation.MainNumber m when mainNumber.isEmpty() ->
                    fail(what + "the main number, but the customer has none");
            case Presentation.Mobile m when user.mobile().isEmpty() -> fail(what + "a mobile, but has none");
            default -> { }
        }
    }

    private void ownTenant(String what, TenantId owner) {
        if (!tenant.equals(owner)) {
            fail(what + " belongs to tenant " + owner + ", not " + tenant);
        }
    }

    private <T, K> Set<K> unique(String kind, List<T> items, Function<T, K> key) {
        Set<K> seen = new HashSet<>();
        Set<K> twice = items.stream().map(key).filter(k -> !seen.add(k)).collect(Collectors.toSet());
        if (!twice.isEmpty()) {
            fail("duplicate " + kind + " " + twice);
        }
        return seen;
    }

    private void requireOwned(String what, E164Number number, List<NumberRange> owned, List<ExtraNumber> extras) {
        boolean extra = extras.stream().anyMatch(e -> e.number().equals(number));
        if (!extra) {
            requireInRanges(what, NumberRange.single(number), owned);
        }
    }

    private void requireInRanges(String what, NumberRange range, List<NumberRange> owned) {
        if (!range.minus(owned).isEmpty()) {
            fail(what + " " + (range.size() == 1 ? range.first() : range) + " is not among the customer's numbers");
        }
    }

    private void fail(String problem) {
        throw new IllegalArgumentException("customer " + tenant + ": " + problem);
    }
}
