package io.sentral.core.callerinfo;

import io.sentral.core.number.E164Number;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Port: who a number is according to a source outside the company directory (S11), such as an
 * external number-lookup service. Callers bound the wait themselves, so an implementation returns
 * at once and completes the future whenever its source answers.
 */
@FunctionalInterface
public interface CallerInfoLookup {

    /**
     * The source's answer for {@code number}, with {@link CallerInfo.Source#LOOKUP}; empty when the
     * number is unknown to it or it failed (a failing source degrades to "unknown", it never fails
     * the call).
     */
    CompletableFuture<Optional<CallerInfo>> lookup(E164Number number);
}
