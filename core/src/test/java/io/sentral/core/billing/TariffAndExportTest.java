package io.sentral.core.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.call.CallDirection;
import io.sentral.core.call.CallRecord;
import io.sentral.core.call.EndCause;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** R2: rating by start fee and started minutes beyond the included ones; R1: CSV and JSON export. */
class TariffAndExportTest {
    private static Tariff tariff(int includedNational) {
        Map<BillingCategory, Tariff.Rate> rates = new EnumMap<>(BillingCategory.class);
        for (BillingCategory c : BillingCategory.values()) {
            rates.put(c, Tariff.Rate.FREE);
        }
        rates.put(BillingCategory.NATIONAL, new Tariff.Rate(new BigDecimal("0.49"), new BigDecimal("0.49"),
                includedNational));
        return new Tariff("NOK", rates);
    }

    @Test
    void aStartFeeAndEveryStartedMinuteBeyondTheIncludedOnes() {
        Tariff t = tariff(0);
        assertThat(t.cost(BillingCategory.NATIONAL, Duration.ZERO)).as("unanswered").isEqualByComparingTo("0");
        assertThat(t.cost(BillingCategory.NATIONAL, Duration.ofMillis(300))).as("a started minute").isEqualByComparingTo("0.98");
        assertThat(t.cost(BillingCategory.NATIONAL, Duration.ofNanos(400_000))).as("under a millisecond")
                .isEqualByComparingTo("0.98");
        assertThat(t.cost(BillingCategory.NATIONAL, Duration.ofSeconds(60))).isEqualByComparingTo("0.98");
        assertThat(t.cost(BillingCategory.NATIONAL, Duration.ofSeconds(61))).isEqualByComparingTo("1.47");
        assertThat(tariff(2).cost(BillingCategory.NATIONAL, Duration.ofSeconds(150))).as("one minute beyond two")
                .isEqualByComparingTo("0.98");
        assertThat(t.cost(BillingCategory.INTERNAL, Duration.ofMinutes(30))).isEqualByComparingTo("0");
        assertThat(t.cost(BillingCategory.EMERGENCY, Duration.ofMinutes(30))).isEqualByComparingTo("0");
    }

    @Test
    void everyCategoryNeedsARateAndRatesAreNotNegative() {
        assertThatThrownBy(() -> new Tariff("NOK", Map.of())).hasMessage("the tariff has no rate for internal");
        assertThatThrownBy(() -> new Tariff.Rate(new BigDecimal("-1"), BigDecimal.ZERO, 0))
                .hasMessageContaining("not negative");
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndJsonHasTheSameColumns() {
        CallRecord record = new CallRecord("a1@x", CallDirection.OUTBOUND, Optional.of(TenantId.of("acme")),
                Optional.of(TrunkId.of("acme-pbx")), "Hansen, \"Alice\"", "+4790000001", "127.0.0.1",
                Instant.parse("2026-11-24T08:00:00Z"), Optional.of(Instant.parse("2026-11-24T08:00:05Z")),
                Optional.of(Instant.parse("2026-11-24T08:01:10Z")), Optional.of(200), Optional.of(EndCause.CALLER_HANGUP));
        RatedCall rated = new RatedCall(record, BillingCategory.NATIONAL, Duration.ofSeconds(65),
                new BigDecimal("1.47"), "NOK");
        String csv = CdrExport.csv(List.of(rated));
        assertThat(csv).startsWith("callId,direction,tenant,trunk,caller,callee,startedAt,answeredAt,endedAt,status,"
                + "talkSeconds,category,cost,currency\r\n");
        assertThat(csv).endsWith("a1@x,outbound,acme,acme-pbx,\"Hansen, \"\"Alice\"\"\",+4790000001,"
                + "2026-11-24T08:00:00Z,2026-11-24T08:00:05Z,2026-11-24T08:01:10Z,200,65,national,1.47,NOK\r\n");
        Map<String, Object> json = CdrExport.json(List.of(rated)).getFirst();
        assertThat(json.keySet()).containsExactlyElementsOf(CdrExport.COLUMNS);
        assertThat(json.get("category")).isEqualTo("national");
        assertThat(BillingCategory.FORWARDED_TRANSFERRED.label()).isEqualTo("forwarded-transferred");
    }
}
