package io.sentral.sip.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.config.BlockingSettings;
import io.sentral.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** N1 "blocked sources": an address failing authentication again and again is blocked for a while. */
class SourceBlockerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final SourceBlocker blocker = new SourceBlocker(
            new BlockingSettings(3, Duration.ofSeconds(60), Duration.ofMinutes(10)), clock,
            ip -> ip.equals("127.0.0.2"));

    @Test
    void theThirdFailureWithinTheWindowBlocksForTenMinutes() {
        assertThat(blocker.authenticationFailed("192.0.2.7")).isFalse();
        assertThat(blocker.authenticationFailed("192.0.2.7")).isFalse();
        assertThat(blocker.blocks("192.0.2.7")).isFalse();
        assertThat(blocker.authenticationFailed("192.0.2.7")).isTrue();
        assertThat(blocker.blocks("192.0.2.7")).isTrue();
        assertThat(blocker.blocks("192.0.2.8")).as("per address").isFalse();
        assertThat(blocker.blockedSources()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(9));
        assertThat(blocker.blocks("192.0.2.7")).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(blocker.blocks("192.0.2.7")).isFalse();
        assertThat(blocker.blockedSources()).isZero();
        assertThat(blocker.authenticationFailed("192.0.2.7")).as("counting starts again").isFalse();
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotBlock() {
        for (int i = 0; i < 10; i++) {
            assertThat(blocker.authenticationFailed("192.0.2.7")).isFalse();
            clock.advance(Duration.ofSeconds(31)); // a phone with a stale password, retrying
        }
        assertThat(blocker.blocks("192.0.2.7")).isFalse();
    }

    @Test
    void trustedAddressesAreNeverBlocked() {
        for (int i = 0; i < 5; i++) {
            assertThat(blocker.authenticationFailed("127.0.0.2")).isFalse();
        }
        assertThat(blocker.blocks("127.0.0.2")).isFalse();
    }

    @Test
    void blockingCanBeSwitchedOff() {
        SourceBlocker off = new SourceBlocker(BlockingSettings.off(), clock, ip -> false);
        for (int i = 0; i < 50; i++) {
            off.authenticationFailed("192.0.2.7");
        }
        assertThat(off.blocks("192.0.2.7")).isFalse();
    }

    @Test
    void droppedRequestsAreCounted() {
        blocker.dropped();
        blocker.dropped();
        assertThat(blocker.droppedRequests()).isEqualTo(2);
    }
}
