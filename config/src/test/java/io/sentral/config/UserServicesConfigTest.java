package io.sentral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A user's call services in YAML: extra terminal (S1), forwarding (S7), presentation (S9) and
 * calendar feed (S6), with their defaults and the errors for each wrong value.
 */
class UserServicesConfigTest {
    /** Alice and Bob of fjord; {@code %s} is more keys of Alice, indented as hers. */
    private static final String FJORD = """
            customers:
              - id: fjord
                name: Fjord AS
                country: "NO"
                numbers: ["+4723450000-+4723450199"]
                users:
                  - username: alice
                    password: alice-secret
                    firstName: Alice
                    extension: "101"
            %s
                  - {username: bob, password: bob-secret, firstName: Bob, extension: "102"}
                queues:
                  - {name: Sentralbord, number: "+4723450000", members: [alice, bob]}
            """;

    private final ConfigLoader loader = ConfigLoader.ignoringEnvironment();

    private User alice(String keys) {
        return loader.parse("ok.yaml", FJORD.formatted(indent(keys))).customers().getFirst().users().stream()
                .filter(u -> u.id().value().equals("alice")).findFirst().orElseThrow();
    }

    private void assertRefused(String keys, String message) {
        assertThatThrownBy(() -> loader.parse("bad.yaml", FJORD.formatted(indent(keys))))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    private static String indent(String keys) {
        return keys.lines().map(line -> "        " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    @Test
    void leftOutEverythingHasItsDefault() {
        User alice = alice("");
        assertThat(alice.extraTerminal()).isFalse();
        assertThat(alice.forwarding()).isEqualTo(Forwarding.NONE);
        assertThat(alice.forwarding().noAnswerAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(alice.presentation()).isEqualTo(Presentation.DEFAULT).isEqualTo(new Presentation.OwnNumber());
        assertThat(alice.calendarFeed()).isEmpty();
    }

    @Test
    void everyKeyIsBound() {
        User alice = alice("""
                mobile: "+4791000101"
                extraTerminal: true
                forwarding:
                  always: {number: "+4791000101"}
                  busy: {queue: Sentralbord}
                  noAnswer: {user: bob}
                  noAnswerAfter: 12s
                  unreachable: {number: "+4791000101"}
                presentation: {queue: Sentralbord}
                calendarFeed: https://calendar.example.com/alice.ics
                """);
        E164Number mobile = E164Number.of("+4791000101");
        assertThat(alice.extraTerminal()).isTrue();
        assertThat(alice.forwarding()).isEqualTo(new Forwarding(Optional.of(new CallTarget.ToNumber(mobile)),
                Optional.of(new CallTarget.ToQueue(QueueName.of("Sentralbord"))),
                Optional.of(new CallTarget.ToUser(UserId.of("bob"))), Duration.ofSeconds(12),
                Optional.of(new CallTarget.ToNumber(mobile))));
        assertThat(alice.presentation()).isEqualTo(new Presentation.QueueNumber(QueueName.of("Sentralbord")));
        assertThat(alice.calendarFeed()).contains(URI.create("https://calendar.example.com/alice.ics"));
    }

    @Test
    void presentationWords() {
        assertThat(alice("presentation: own").presentation()).isEqualTo(new Presentation.OwnNumber());
        assertThat(alice("mobile: \"+4791000101\"\npresentation: mobile").presentation())
                .isEqualTo(new Presentation.Mobile());
        User main = loader.parse("ok.yaml", FJORD.formatted(indent("presentation: main"))
                        .replace("    users:", "    mainNumber: \"+4723450000\"\n    users:"))
                .customers().getFirst().users().getFirst();
        assertThat(main.presentation()).isEqualTo(new Presentation.MainNumber());
    }

    @Test
    void fileFeedsAreAccepted() {
        assertThat(alice("calendarFeed: file:///var/lib/sentral/alice.ics").calendarFeed())
                .contains(URI.create("file:///var/lib/sentral/alice.ics"));
    }

    @Test
    void extraTerminalNeedsAMobileAndABoolean() {
        assertRefused("extraTerminal: true",
                "bad.yaml: customers[0].users[0].extraTerminal: the mobile rings in parallel, but the user has no mobile");
        assertRefused("mobile: \"+4791000101\"\nextraTerminal: \"true\"",
                "bad.yaml: customers[0].users[0].extraTerminal: expected true or false, found 'true'");
    }

    @Test
    void forwardingTargetsMustExist() {
        assertRefused("forwarding: {busy: {user: carol}}",
                "bad.yaml: customers[0].users[0].forwarding.busy.user: 'carol' is not a user of customer fjord");
        assertRefused("forwarding: {noAnswer: {queue: Support}}",
                "bad.yaml: customers[0].users[0].forwarding.noAnswer.queue: 'Support' is not a queue of customer fjord");
        assertRefused("forwarding: {unreachable: {number: +4791000101}}",
                "bad.yaml: customers[0].users[0].forwarding.unreachable.number: write numbers as quoted text, e.g."
                        + " \"+4722120000\" (found 4791000101)");
        assertRefused("forwarding: {always: {user: bob, number: \"+4791000101\"}}",
                "bad.yaml: customers[0].users[0].forwarding.always: give exactly one of queue, user or number");
    }

    @Test
    void aUserDoesNotForwardToItself() {
        assertRefused("forwarding: {always: {user: alice}}",
                "bad.yaml: customers[0].users[0].forwarding.always.user: a user cannot forward to itself");
    }

    @Test
    void forwardingKeysAndDelay() {
        assertRefused("forwarding: {onBusy: {user: bob}}",
                "bad.yaml: customers[0].users[0].forwarding.onBusy: unknown key (expected one of: always, busy,"
                        + " noAnswer, noAnswerAfter, unreachable)");
        assertRefused("forwarding: {noAnswer: {user: bob}, noAnswerAfter: 0s}",
                "bad.yaml: customers[0].users[0].forwarding.noAnswerAfter: must be longer than 0");
        assertRefused("forwarding: {noAnswer: {user: bob}, noAnswerAfter: 20}",
                "bad.yaml: customers[0].users[0].forwarding.noAnswerAfter: not a duration: 20 (give a unit: ms, s, m"
                        + " or h, e.g. 15s)");
    }

    @Test
    void presentationMustResolve() {
        assertRefused("presentation: direct",
                "bad.yaml: customers[0].users[0].presentation: unknown presentation 'direct' (expected own, main,"
                        + " mobile or {queue: <name>})");
        assertRefused("presentation: main",
                "bad.yaml: customers[0].users[0].presentation: customer fjord has no mainNumber to present");
        assertRefused("presentation: mobile",
                "bad.yaml: customers[0].users[0].presentation: the user has no mobile to present");
        assertRefused("presentation: {queue: Support}",
                "bad.yaml: customers[0].users[0].presentation.queue: 'Support' is not a queue of customer fjord");
    }

    @Test
    void calendarFeedIsAnHttpHttpsOrFileUrl() {
        assertRefused("calendarFeed: ftp://example.com/alice.ics",
                "bad.yaml: customers[0].users[0].calendarFeed: not an http, https or file URL:"
                        + " 'ftp://example.com/alice.ics' (e.g. https://calendar.example.com/erik.ics or"
                        + " file:///var/lib/sentral/erik.ics)");
        assertRefused("calendarFeed: alice.ics",
                "bad.yaml: customers[0].users[0].calendarFeed: not an http, https or file URL: 'alice.ics' (e.g."
                        + " https://calendar.example.com/erik.ics or file:///var/lib/sentral/erik.ics)");
        assertRefused("calendarFeed: \"https://exa mple.com/\"",
                "bad.yaml: customers[0].users[0].calendarFeed: not a URL: Illegal character in authority at index 11:"
                        + " https://exa mple.com/");
    }
}
