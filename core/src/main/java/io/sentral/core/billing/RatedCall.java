package io.sentral.core.billing;

import io.sentral.core.call.CallRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/** A call record with its billing category, talk time and cost (R1, R2). */
public record RatedCall(CallRecord record, BillingCategory category, Duration talk, BigDecimal cost, String currency) {
    public RatedCall {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(talk, "talk");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(currency, "currency");
    }
}
