package io.sentral.core.emergency;

import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Port: the emergency address registry (T6). Changes arrive through provisioning; this port reads.
 * A failing lookup must not stop an emergency call: callers treat an exception like "no address"
 * and raise the alarm.
 */
public interface EmergencyAddressStore {

    /** The current address of the most specific assignment that contains {@code number}. */
    Optional<CivicAddress> addressOf(E164Number number);

    /** The tenant's numbers (from its ranges) that no current assignment covers, ascending. */
    List<NumberRange> numbersWithoutAddress(TenantId tenant);

    /** Every version of the tenant's assignments, current and ended, oldest first. */
    List<EmergencyAddressVersion> history(TenantId tenant);
}
