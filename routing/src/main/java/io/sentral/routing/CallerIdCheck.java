package io.sentral.routing;

import io.sentral.core.call.CallRequest;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberNormaliser;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Trunk;
import io.sentral.core.tenant.TrunkKind;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the caller-ID a customer presents and whether it owns it (T5); used by
 * {@link RouteRule#OUTBOUND_CALLER_ID} and, never refusing, by the emergency route.
 *
 * <p>Which header (RFC 3325 §9): P-Asserted-Identity only from a source trusted to assert — a
 * static trunk, trusted by IP as a network element; from a registration trunk (any PBX or softphone
 * that knows a password) it is ignored as if absent. Else P-Preferred-Identity, else From. The
 * first present header is the one judged: a bad PAI is not rescued by a good From.
 *
 * <p>The value must be a number in the customer's dialling plan as {@link NumberNormaliser} reads
 * it ({@code +}, {@code 00}, national; visual separators ignored; ASCII digits only). The SIP edge
 * hands over URI user parts — a {@code tel:} URI as its number — so a value still carrying a
 * scheme, a display name or brackets is a header the edge could not parse, and is not a number.
 */
final class CallerIdCheck {
    private final Clock clock;

    CallerIdCheck(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    PresentedCaller check(CallRequest request, Customer customer, Trunk trunk, TenantSnapshot tenants) {
        IdentitySource source;
        String raw;
        if (trunk.kind() == TrunkKind.STATIC && request.assertedUser().isPresent()) {
            source = IdentitySource.P_ASSERTED_IDENTITY;
            raw = request.assertedUser().get();
        } else if (request.preferredUser().isPresent()) {
            source = IdentitySource.P_PREFERRED_IDENTITY;
            raw = request.preferredUser().get();
        } else {
            source = IdentitySource.FROM;
            raw = request.fromUser();
        }
        Optional<E164Number> number = NumberNormaliser.normalise(raw, customer.country());
        if (number.isEmpty()) {
            return PresentedCaller.NotANumber.of(source, raw);
        }
        return NumberOwnership.owns(tenants, customer.id(), number.get(), clock.instant())
                ? new PresentedCaller.Owned(source, number.get())
                : new PresentedCaller.NotOwned(source, number.get());
    }
}
