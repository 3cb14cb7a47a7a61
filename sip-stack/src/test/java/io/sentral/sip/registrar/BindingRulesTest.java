package io.sentral.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.core.registration.Binding;
import io.sentral.core.tenant.SipEndpoint;
import io.sentral.core.tenant.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 3261 §10.3 binding rules: expiry bounds, several contacts, removal, wildcard, query, CSeq order. */
class BindingRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final SipEndpoint SOURCE = new SipEndpoint("127.0.0.1", 5070, Transport.UDP);
    private static final String AOR = "acme-pbx@sentral.test";

    private final BindingRules rules = new BindingRules(new RegistrarPolicy(Duration.ofSeconds(60),
            Duration.ofSeconds(3600), Duration.ofSeconds(1800), 3));

    private static RegisterRequest register(long cseq, Optional<Long> expiresHeader, ContactRequest... contacts) {
        return new RegisterRequest(AOR, List.of(contacts), false, expiresHeader, "call-1", cseq, SOURCE);
    }

    private static ContactRequest contact(String uri, Long expires) {
        return new ContactRequest(uri, Optional.ofNullable(expires), 1.0f);
    }

    private List<Binding> bindings(RegisterOutcome outcome) {
        assertThat(outcome).isInstanceOf(RegisterOutcome.Updated.class);
        return ((RegisterOutcome.Updated) outcome).bindings();
    }

    @Test
    void addsContactsWithTheirExpiryCappedAtTheMaximum() {
        List<Binding> result = bindings(rules.apply(List.of(), register(1, Optional.of(7200L),
                contact("sip:acme-pbx@127.0.0.1:5070", null), contact("sip:acme-pbx@127.0.0.1:5071", 120L)), NOW));
        assertThat(result).extracting(Binding::contactUri)
                .containsExactlyInAnyOrder("sip:acme-pbx@127.0.0.1:5070", "sip:acme-pbx@127.0.0.1:5071");
        assertThat(result).filteredOn(b -> b.contactUri().endsWith("5070")).first()
                .extracting(Binding::expiresAt).isEqualTo(NOW.plusSeconds(3600));
        assertThat(result).filteredOn(b -> b.contactUri().endsWith("5071")).first()
                .extracting(Binding::expiresAt).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void defaultExpiryAppliesWhenNoneIsGiven() {
        List<Binding> result = bindings(rules.apply(List.of(), register(1, Optional.empty(),
                contact("sip:a@127.0.0.1", null)), NOW));
        assertThat(result.get(0).expiresAt()).isEqualTo(NOW.plusSeconds(1800));
    }

    @Test
    void tooBriefExpiryIsAnswered423WithTheMinimum() {
        assertThat(rules.apply(List.of(), register(1, Optional.of(30L), contact("sip:a@127.0.0.1", null)), NOW))
                .isEqualTo(new RegisterOutcome.TooBrief(60));
    }

    @Test
    void expiresZeroRemovesOneContactAndKeepsTheOthers() {
        List<Binding> two = bindings(rules.apply(List.of(), register(1, Optional.of(600L),
                contact("sip:a@127.0.0.1:1", null), contact("sip:a@127.0.0.1:2", null)), NOW));
        List<Binding> one = bindings(rules.apply(two, register(2, Optional.empty(),
                contact("sip:a@127.0.0.1:1", 0L)), NOW));
        assertThat(one).extracting(Binding::contactUri).containsExactly("sip:a@127.0.0.1:2");
    }

    @Test
    void wildcardWithExpiresZeroRemovesAll() {
        List<Binding> two = bindings(rules.apply(List.of(), register(1, Optional.of(600L),
                contact("sip:a@127.0.0.1:1", null), contact("sip:a@127.0.0.1:2", null)), NOW));
        RegisterRequest star = new RegisterRequest(AOR, List.of(), true, Optional.of(0L), "call-1", 2, SOURCE);
        assertThat(bindings(rules.apply(two, star, NOW))).isEmpty();
        RegisterRequest starWithoutZero = new RegisterRequest(AOR, List.of(), true, Optional.of(60L), "call-1", 3, SOURCE);
        assertThat(rules.apply(two, starWithoutZero, NOW)).isInstanceOf(RegisterOutcome.Invalid.class);
    }

    @Test
    void registerWithoutContactIsAQueryThatChangesNothing() {
        List<Binding> one = bindings(rules.apply(List.of(), register(1, Optional.of(600L),
                contact("sip:a@127.0.0.1:1", null)), NOW));
        RegisterOutcome query = rules.apply(one, register(2, Optional.empty()), NOW);
        assertThat(query).isEqualTo(new RegisterOutcome.Updated(one, false));
    }

    @Test
    void expiredBindingsAreDroppedAndOutOfOrderCSeqRefused() {
        List<Binding> one = bindings(rules.apply(List.of(), register(5, Optional.of(600L),
                contact("sip:a@127.0.0.1:1", null)), NOW));
        assertThat(rules.apply(one, register(5, Optional.of(600L), contact("sip:a@127.0.0.1:1", null)), NOW))
                .isInstanceOf(RegisterOutcome.Invalid.class);
        RegisterOutcome later = rules.apply(one, register(1, Optional.empty()), NOW.plusSeconds(601));
        assertThat(bindings(later)).isEmpty();
    }

    @Test
    void tooManyContactsAreRefused() {
        RegisterOutcome outcome = rules.apply(List.of(), register(1, Optional.of(600L),
                contact("sip:a@h:1", null), contact("sip:a@h:2", null), contact("sip:a@h:3", null),
                contact("sip:a@h:4", null)), NOW);
        assertThat(outcome).isInstanceOf(RegisterOutcome.Invalid.class);
    }
}
