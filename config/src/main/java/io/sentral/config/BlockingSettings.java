package io.sentral.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When a source address is blocked for failing authentication ({@code node.sip.blocking}):
 * {@code failures} wrong passwords within {@code window} block it for {@code blockFor}.
 * {@code failures} 0 switches blocking off.
 */
public record BlockingSettings(int failures, Duration window, Duration blockFor) {
    public BlockingSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(blockFor, "blockFor");
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be 0 (off) or more, not " + failures);
        }
        if (failures > 0 && (window.isZero() || blockFor.isZero())) {
            throw new IllegalArgumentException("window and blockFor must be longer than 0");
        }
    }

    /** 20 failures within a minute block the address for 10 minutes. */
    public static BlockingSettings defaults() {
        return new BlockingSettings(20, Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    public static BlockingSettings off() {
        return new BlockingSettings(0, Duration.ofMinutes(1), Duration.ofMinutes(10));
    }

    public boolean enabled() {
        return failures > 0;
    }
}
