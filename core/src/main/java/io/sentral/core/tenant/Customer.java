package io.sentral.core.tenant;

import io.sentral.core.number.Country;
import java.util.Objects;

/**
 * A business customer of the operator; owns trunks, number ranges and switchboard data.
 *
 * @param queueHistoryDays how long the customer's queue history is kept (S13), in days
 */
public record Customer(TenantId id, String name, Country country, int queueHistoryDays) {
    /** Queue history is kept this long unless the customer chose otherwise. */
    public static final int DEFAULT_QUEUE_HISTORY_DAYS = 90;
    /** Ten years: anything longer is a typing error rather than a retention policy. */
    public static final int MAX_QUEUE_HISTORY_DAYS = 3650;

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        if (queueHistoryDays < 1 || queueHistoryDays > MAX_QUEUE_HISTORY_DAYS) {
            throw new IllegalArgumentException("queue history is kept 1-" + MAX_QUEUE_HISTORY_DAYS + " days, not "
                    + queueHistoryDays);
        }
    }

    /** With queue history kept {@value #DEFAULT_QUEUE_HISTORY_DAYS} days. */
    public Customer(TenantId id, String name, Country country) {
        this(id, name, country, DEFAULT_QUEUE_HISTORY_DAYS);
    }
}
