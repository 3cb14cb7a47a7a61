package io.sentral.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.ConfigLoader;
import io.sentral.core.billing.BillingCategory;
import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallRecord;
import io.sentral.core.number.Country;
import io.sentral.core.tenant.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R1: the billing category of a call record, emergency first. */
class CallCategorizerTest {
    private final CallCategorizer categorizer = new CallCategorizer(new NumberPlan(
            ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE).numberPlan()));
    private static final Set<String> OWN = Set.of("101", "+4723450101");

    private BillingCategory outbound(String callee, Country country) {
        return categorizer.categorize(record(CallDirection.OUTBOUND, "+4722120005", callee), country, false,
                OWN::contains);
    }

    private static CallRecord record(CallDirection direction, String caller, String callee) {
        return new CallRecord("c@x", direction, Optional.of(TenantId.of("acme")), Optional.empty(), caller, callee,
                "127.0.0.1", Instant.parse("2026-11-24T08:00:00Z"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void everyCategory() {
        assertThat(outbound("112", Country.NO)).isEqualTo(BillingCategory.EMERGENCY);
        assertThat(outbound("urn:service:sos", Country.NO)).isEqualTo(BillingCategory.EMERGENCY);
        assertThat(outbound("101", Country.NO)).isEqualTo(BillingCategory.INTERNAL);
        assertThat(outbound("+4723450101", Country.NO)).isEqualTo(BillingCategory.INTERNAL);
        assertThat(outbound("22120099", Country.NO)).as("national form").isEqualTo(BillingCategory.NATIONAL);
        assertThat(outbound("+4790000001", Country.NO)).isEqualTo(BillingCategory.NATIONAL);
        assertThat(outbound("004790000001", Country.NO)).isEqualTo(BillingCategory.NATIONAL);
        assertThat(outbound("+46812345699", Country.NO)).isEqualTo(BillingCategory.NORDIC);
        assertThat(outbound("0812345699", Country.SE)).as("Swedish trunk prefix").isEqualTo(BillingCategory.NATIONAL);
        assertThat(outbound("+4790000001", Country.SE)).isEqualTo(BillingCategory.NORDIC);
        assertThat(outbound("+4930123456", Country.NO)).isEqualTo(BillingCategory.INTERNATIONAL);
        assertThat(outbound("1881", Country.NO)).as("a short service number").isEqualTo(BillingCategory.SPECIAL);
        assertThat(categorizer.categorize(record(CallDirection.OUTBOUND, "+4722120005", "+4790000001"), Country.NO,
                true, OWN::contains)).isEqualTo(BillingCategory.FORWARDED_TRANSFERRED);
        assertThat(categorizer.categorize(record(CallDirection.OUTBOUND, "+4722120005", "112"), Country.NO,
                true, OWN::contains)).as("emergency before everything").isEqualTo(BillingCategory.EMERGENCY);
    }

    @Test
    void onlyWhatTheCustomerPlacedOrTransferredIsBilled() {
        CallRecord inbound = record(CallDirection.INBOUND, "+4790000001", "+4722120005");
        BillingCategory category = categorizer.categorize(inbound, Country.NO, false, OWN::contains);
        assertThat(category).isEqualTo(BillingCategory.NATIONAL);
        assertThat(CallCategorizer.billable(inbound, category)).isFalse();
        assertThat(CallCategorizer.billable(inbound, BillingCategory.FORWARDED_TRANSFERRED)).isTrue();
        assertThat(CallCategorizer.billable(record(CallDirection.OUTBOUND, "a", "b"), BillingCategory.NATIONAL))
                .isTrue();
    }
}
