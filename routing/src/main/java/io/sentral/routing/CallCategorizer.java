package io.sentral.routing;

import io.sentral.core.billing.BillingCategory;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallRecord;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberNormaliser;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides the billing category of a call record (R1), in this order: emergency numbers (T6,
 * every country Sentral knows) first; then calls inside the customer (an extension, or a number the
 * customer owns: internal and free between users of the same company, also when a user transferred
 * or forwarded the call there); then a leg Sentral placed onward to the public network for a
 * forwarded, overflowed or transferred call ({@link CallRecord#onwardOf}); special, premium-rate
 * and freephone numbers of the number plan; the customer's own country (national); the Nordic
 * countries; everything else international. An inbound call from the public network is categorised by its caller and billed
 * nothing (the tariff sees no talk time for it: see {@code billable}): receiving calls is free for
 * the customer, but the category still tells a reader where the call came from. Pure: no clock,
 * no I/O; the customer's numbers come in as a predicate.
 */
public final class CallCategorizer {
    /** Denmark, Sweden, Norway, Iceland, Finland, Faroe Islands, Greenland. */
    private static final Set<String> NORDIC_CODES = Set.of("45", "46", "47", "354", "358", "298", "299");

    private final NumberPlan plan;

    public CallCategorizer(NumberPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /**
     * A call that was transferred or forwarded keeps the category of its own record (an inbound
     * call stays free to receive); only the onward leg to a public number, recorded on its own, is
     * forwarded/transferred.
     *
     * @param customerCountry the customer's country (how national numbers are read)
     * @param ownNumber       whether a dialled string is an extension or number of the customer
     */
    public BillingCategory categorize(CallRecord call, Country customerCountry, Predicate<String> ownNumber) {
        String dialled = call.callee().trim();
        if (EmergencyNumbers.recognise(dialled, customerCountry).isPresent()) {
            return BillingCategory.EMERGENCY;
        }
        boolean onward = call.onwardOf().isPresent();
        String other = call.direction() == CallDirection.INBOUND && !onward ? call.caller().trim() : dialled;
        if (ownNumber.test(other)) {
            return BillingCategory.INTERNAL;
        }
        if (onward) {
            return BillingCategory.FORWARDED_TRANSFERRED;
        }
        Optional<E164Number> number = NumberNormaliser.normalise(other, customerCountry);
        if (number.isEmpty()) {
            return BillingCategory.SPECIAL; // not a public number: a short or service number
        }
        if (plan.classify(number.get()) != NumberClass.ORDINARY) {
            return BillingCategory.SPECIAL;
        }
        String e164 = number.get().value().substring(1);
        if (e164.startsWith(customerCountry.countryCode())) {
            return BillingCategory.NATIONAL;
        }
        return NORDIC_CODES.stream().anyMatch(e164::startsWith) ? BillingCategory.NORDIC
                : BillingCategory.INTERNATIONAL;
    }

    /**
     * Whether the customer pays for the call: what it placed towards the network, or had
     * forwarded or transferred onwards. Inbound calls are free to receive; {@link CallDirection#INTERNAL} calls
     * stay inside one customer's switchboard.
     */
    public static boolean billable(CallRecord call, BillingCategory category) {
        return call.direction() == CallDirection.OUTBOUND || category == BillingCategory.FORWARDED_TRANSFERRED;
    }
}
