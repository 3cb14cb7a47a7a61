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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * R2: rating by start fee and started minutes beyond the included ones, rounded half up to two
 * decimals; R1/R2: the rated CDRs exported as CSV (RFC 4180) and JSON-ready maps.
 */
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
        assertThat(tariff(2).charge(BillingCategory.NATIONAL, Duration.ofSeconds(150), 2).cost())
                .as("one minute beyond the two still included").isEqualByComparingTo("0.98");
        assertThat(tariff(2).charge(BillingCategory.NATIONAL, Duration.ofSeconds(100), 2))
                .as("wholly inside the included minutes: no start fee either")
                .isEqualTo(new Tariff.Charge(new BigDecimal("0.00"), 2));
        assertThat(tariff(2).cost(BillingCategory.NATIONAL, Duration.ofSeconds(150))).as("none left")
                .isEqualByComparingTo("1.96");
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

    @Test
    void costsAreRoundedHalfUpToTwoDecimals() {
        Map<BillingCategory, Tariff.Rate> rates = new EnumMap<>(BillingCategory.class);
        for (BillingCategory c : BillingCategory.values()) {
            rates.put(c, new Tariff.Rate(BigDecimal.ZERO, new BigDecimal("0.125"), 0));
        }
        Tariff t = new Tariff("SEK", rates);
        assertThat(t.cost(BillingCategory.NORDIC, Duration.ofSeconds(59))).as("0.125 half up, not half even")
                .isEqualTo(new BigDecimal("0.13"));
        assertThat(t.cost(BillingCategory.NORDIC, Duration.ofMinutes(3))).isEqualTo(new BigDecimal("0.38"));
        assertThat(t.cost(BillingCategory.NORDIC, Duration.ZERO)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theCurrencyIsAnIsoCode() {
        Map<BillingCategory, Tariff.Rate> rates = new EnumMap<>(BillingCategory.class);
        for (BillingCategory c : BillingCategory.values()) {
            rates.put(c, Tariff.Rate.FREE);
        }
        assertThatThrownBy(() -> new Tariff("kr", rates)).hasMessage(
                "not a currency code (three capital letters, e.g. NOK): 'kr'");
        assertThat(new Tariff("NOK", rates).rates()).hasSize(BillingCategory.values().length);
    }

    @Test
    void anUnansweredInboundCallExportsEmptyTimesAndNoSourceAddressWhateverTheLocale() {
        CallRecord record = new CallRecord("in-1@x", CallDirection.INBOUND, Optional.of(TenantId.of("acme")),
                Optional.empty(), "+4790000001", "+4722120005", "10.9.8.7:5060",
                Instant.parse("2026-11-24T09:00:00.250Z"), Optional.empty(),
                Optional.of(Instant.parse("2026-11-24T09:00:20Z")), Optional.of(487), Optional.of(EndCause.CANCELLED));
        RatedCall rated = new RatedCall(record, BillingCategory.NATIONAL, Duration.ZERO, BigDecimal.ZERO, "NOK");
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "INBOUND".toLowerCase() would be "ınbound" here
        try {
            String csv = CdrExport.csv(List.of(rated, rated));
            assertThat(csv.split("\r\n", -1)).as("header, two rows, nothing after the last CRLF")
                    .hasSize(4).endsWith("");
            assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
            assertThat(csv).contains("\r\nin-1@x,inbound,acme,,+4790000001,+4722120005,2026-11-24T09:00:00.250Z,,"
                    + "2026-11-24T09:00:20Z,487,0,national,0.00,NOK\r\n");
            assertThat(csv).doesNotContain("10.9.8.7");
            Map<String, Object> json = CdrExport.json(List.of(rated)).getFirst();
            assertThat(json).containsEntry("direction", "inbound").containsEntry("answeredAt", "")
                    .containsEntry("talkSeconds", 0L).containsEntry("cost", "0.00");
            assertThat(json.values()).noneMatch(v -> String.valueOf(v).contains("10.9.8.7"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void cellsThatWouldRunAsSpreadsheetFormulasAreDefusedButNumbersStayAsTheyAre_R2() {
        CallRecord record = new CallRecord("=HYPERLINK(\"http://x\")", CallDirection.INBOUND,
                Optional.of(TenantId.of("acme")), Optional.empty(), "@SUM(A1:A9)", "+4722120005", "10.0.0.1:5060",
                Instant.parse("2026-11-24T09:00:00Z"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        String csv = CdrExport.csv(List.of(new RatedCall(record, BillingCategory.NATIONAL, Duration.ZERO,
                BigDecimal.ZERO, "NOK")));
        assertThat(csv).contains("\r\n\"'=HYPERLINK(\"\"http://x\"\")\",inbound,acme,,'@SUM(A1:A9),+4722120005,");
        assertThat(CdrExport.defused("+4790000001")).as("E.164 stays readable").isEqualTo("+4790000001");
        assertThat(CdrExport.defused("-5")).as("a plain numeral").isEqualTo("-5");
        assertThat(CdrExport.defused("101")).isEqualTo("101");
        assertThat(CdrExport.defused("+47 900+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(CdrExport.defused("-2+3")).isEqualTo("'-2+3");
        assertThat(CdrExport.defused("\tx")).isEqualTo("'\tx");
        assertThat(CdrExport.defused("\rx")).isEqualTo("'\rx");
        assertThat(CdrExport.defused("alice")).isEqualTo("alice");
        assertThat(CdrExport.json(List.of(new RatedCall(record, BillingCategory.NATIONAL, Duration.ZERO,
                BigDecimal.ZERO, "NOK"))).getFirst()).as("JSON is data, not a spreadsheet: unchanged")
                .containsEntry("caller", "@SUM(A1:A9)");
    }

    @Test
    void includedMinutesArePerCustomerAndCalendarMonthNotPerCall_R2() {
        IncludedMinutes minutes = new IncludedMinutes(tariff(5));
        TenantId acme = TenantId.of("acme");
        Instant november = Instant.parse("2026-11-03T10:00:00Z");
        assertThat(minutes.charge(acme, november, BillingCategory.NATIONAL, Duration.ofSeconds(170)).cost())
                .as("3 of 5 included").isEqualByComparingTo("0");
        assertThat(minutes.charge(acme, november.plusSeconds(600), BillingCategory.NATIONAL, Duration.ofSeconds(230))
                .cost()).as("4 started minutes, 2 still included: 0.49 + 2 x 0.49").isEqualByComparingTo("1.47");
        assertThat(minutes.charge(acme, november.plusSeconds(900), BillingCategory.NATIONAL, Duration.ofSeconds(10))
                .cost()).as("the month's minutes are used up").isEqualByComparingTo("0.98");
        assertThat(minutes.charge(TenantId.of("svea"), november, BillingCategory.NATIONAL, Duration.ofSeconds(10))
                .cost()).as("another customer has its own").isEqualByComparingTo("0");
        assertThat(minutes.charge(acme, Instant.parse("2026-12-01T00:00:00Z"), BillingCategory.NATIONAL,
                Duration.ofSeconds(10)).cost()).as("a new month, new minutes").isEqualByComparingTo("0");
        assertThat(IncludedMinutes.monthStart(Instant.parse("2026-11-30T23:59:59Z")))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void specialNumbersAndForwardedCallsUseNoIncludedMinutes_seed003_section9() {
        Map<BillingCategory, Tariff.Rate> rates = new EnumMap<>(BillingCategory.class);
        for (BillingCategory c : BillingCategory.values()) {
            rates.put(c, Tariff.Rate.FREE);
        }
        rates.put(BillingCategory.FORWARDED_TRANSFERRED, new Tariff.Rate(BigDecimal.ONE, BigDecimal.ONE, 100));
        assertThatThrownBy(() -> new Tariff("NOK", rates)).hasMessageStartingWith(
                "forwarded-transferred calls use no included minutes (seed 003 §9)");
    }
}
