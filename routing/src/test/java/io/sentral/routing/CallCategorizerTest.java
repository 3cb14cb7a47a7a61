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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R1: the billing category of a call record — emergency first, then internal, an onward leg of a
 * forwarded or transferred call, special, national, Nordic, international — with the demo number plan (the regulators' prefix
 * lists of Norway and Sweden) and the national forms of both countries.
 */
class CallCategorizerTest {
    private final CallCategorizer categorizer = new CallCategorizer(new NumberPlan(
            ConfigLoader.ignoringEnvironment().loadResource(ConfigLoader.DEMO_RESOURCE).numberPlan()));
    private static final Set<String> OWN = Set.of("101", "+4723450101");

    private BillingCategory outbound(String callee, Country country) {
        return categorizer.categorize(record(CallDirection.OUTBOUND, "+4722120005", callee), country, OWN::contains);
    }

    private static CallRecord record(CallDirection direction, String caller, String callee) {
        return record(direction, caller, callee, "127.0.0.1");
    }

    private static CallRecord record(CallDirection direction, String caller, String callee, String source) {
        return new CallRecord("c@x", direction, Optional.of(TenantId.of("acme")), Optional.empty(), caller, callee,
                source, Instant.parse("2026-11-24T08:00:00Z"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The leg Sentral placed to {@code callee} for a call from {@code caller} it forwarded or transferred. */
    private static CallRecord onward(String caller, String callee) {
        return record(CallDirection.OUTBOUND, caller, callee, CallRecord.onwardSource("in-1@carrier"));
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
        assertThat(categorizer.categorize(onward("+4791234567", "+4790000001"), Country.NO, OWN::contains))
                .isEqualTo(BillingCategory.FORWARDED_TRANSFERRED);
        assertThat(categorizer.categorize(onward("+4791234567", "+46812345699"), Country.NO, OWN::contains))
                .as("forwarded abroad is still forwarded").isEqualTo(BillingCategory.FORWARDED_TRANSFERRED);
        assertThat(categorizer.categorize(onward("+4791234567", "112"), Country.NO, OWN::contains))
                .as("emergency before everything").isEqualTo(BillingCategory.EMERGENCY);
    }

    @ParameterizedTest(name = "{1} customer dials {0}: {2}")
    @CsvSource({
            // Norway: closed 8-digit plan, the same number in every form
            "22120005, NO, NATIONAL",
            "+4722120005, NO, NATIONAL",
            "004722120005, NO, NATIONAL",
            "'22 12 00 05', NO, NATIONAL",
            // Sweden: open plan, national numbers with trunk prefix 0
            "08123456, SE, NATIONAL",
            "0812345699, SE, NATIONAL",
            "'08-123 456 99', SE, NATIONAL",
            "+46812345699, SE, NATIONAL",
            "0046812345699, SE, NATIONAL",
            "0701234567, SE, NATIONAL",
            // the other country's numbers are Nordic, and so are the other five Nordic codes
            "0046812345699, NO, NORDIC",
            "004722120005, SE, NORDIC",
            "+4532123456, NO, NORDIC",
            "+358401234567, NO, NORDIC",
            "+3545512345, SE, NORDIC",
            "+298123456, NO, NORDIC",
            "+299123456, NO, NORDIC",
            // near misses of the Nordic codes are international
            "+351211234567, NO, INTERNATIONAL",
            "+2975821234, NO, INTERNATIONAL",
            "+12125550100, SE, INTERNATIONAL",
            "0049301234567, NO, INTERNATIONAL",
    })
    void nationalNordicAndInternationalInEveryForm(String dialled, Country country, BillingCategory expected) {
        assertThat(outbound(dialled, country)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} customer dials {0}: {2}")
    @CsvSource({
            "110, NO, EMERGENCY",
            "113, NO, EMERGENCY",
            "'1 1 2#', NO, EMERGENCY",
            "+47113, SE, EMERGENCY",
            "0046112, NO, EMERGENCY",
            "112, SE, EMERGENCY",
            "urn:service:sos.fire, SE, EMERGENCY",
            // Sweden has no 110, nobody here has 911: dialled short numbers, special
            "110, SE, SPECIAL",
            "911, NO, SPECIAL",
            "1120, NO, SPECIAL",
            // premium-rate, special and freephone prefixes of the number plan
            "82012345, NO, SPECIAL",
            "+4782912345, NO, SPECIAL",
            "81012345, NO, SPECIAL",
            "80012345, NO, SPECIAL",
            "0900123456, SE, SPECIAL",
            "+46771123456, NO, SPECIAL",
            "020123456, SE, SPECIAL",
            "118118, SE, SPECIAL",
    })
    void emergencyAndSpecialNumbers(String dialled, Country country, BillingCategory expected) {
        assertThat(outbound(dialled, country)).isEqualTo(expected);
    }

    @Test
    void insideTheCustomerIsInternalAndOnlyALegOnwardsToThePublicNetworkIsForwarded_R1() {
        assertThat(categorizer.categorize(record(CallDirection.INTERNAL, "102", "101"), Country.NO,
                OWN::contains)).isEqualTo(BillingCategory.INTERNAL);
        assertThat(categorizer.categorize(record(CallDirection.INBOUND, "+4723450101", "+4722120005"), Country.NO,
                OWN::contains)).as("from the customer's own number").isEqualTo(BillingCategory.INTERNAL);
        assertThat(categorizer.categorize(onward("+4791234567", "101"), Country.NO, OWN::contains))
                .as("handed on to a colleague's extension: internal, free").isEqualTo(BillingCategory.INTERNAL);
        assertThat(categorizer.categorize(onward("+4791234567", "+4723450101"), Country.NO, OWN::contains))
                .as("handed on to a number of the customer: internal").isEqualTo(BillingCategory.INTERNAL);
        assertThat(categorizer.categorize(onward("+4723450101", "+4790000001"), Country.NO, OWN::contains))
                .as("an onward leg is judged by where it goes, not by the caller it carries")
                .isEqualTo(BillingCategory.FORWARDED_TRANSFERRED);
        assertThat(categorizer.categorize(record(CallDirection.OUTBOUND, "101", "+4723450102"), Country.NO,
                OWN::contains)).as("another number of the same series, not the customer's")
                .isEqualTo(BillingCategory.NATIONAL);
    }

    @Test
    void onlyWhatTheCustomerPlacedOrTransferredIsBilled() {
        CallRecord inbound = record(CallDirection.INBOUND, "+4790000001", "+4722120005");
        BillingCategory category = categorizer.categorize(inbound, Country.NO, OWN::contains);
        assertThat(category).isEqualTo(BillingCategory.NATIONAL);
        assertThat(CallCategorizer.billable(inbound, category)).isFalse();
        assertThat(CallCategorizer.billable(inbound, BillingCategory.FORWARDED_TRANSFERRED)).isTrue();
        CallRecord onward = onward("+4790000001", "+4790000002");
        assertThat(CallCategorizer.billable(onward, categorizer.categorize(onward, Country.NO, OWN::contains)))
                .as("the customer pays the leg it forwarded onwards").isTrue();
        assertThat(CallCategorizer.billable(record(CallDirection.OUTBOUND, "a", "b"), BillingCategory.NATIONAL))
                .isTrue();
        assertThat(CallCategorizer.billable(record(CallDirection.INTERNAL, "102", "101"), BillingCategory.INTERNAL))
                .isFalse();
    }
}
