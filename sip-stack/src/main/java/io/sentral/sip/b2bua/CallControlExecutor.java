package io.sentral.sip.b2bua;

import io.sentral.core.call.CallControl;
import io.sentral.sip.internal.SipContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.MDC;

/**
 * Server-side call commands (S8, for the web switchboard): each runs on the lane of the call it
 * names, like every SIP message of that call, and waits briefly for the call to accept or refuse.
 * Never call it from a SIP lane.
 */
public final class CallControlExecutor implements CallControl {
    private static final long ANSWER_WITHIN_SECONDS = 5;

    private final SipContext sip;
    private final CallRegistry registry;

    public CallControlExecutor(SipContext sip, CallRegistry registry) {
        this.sip = sip;
        this.registry = registry;
    }

    @Override
    public TransferResult transfer(String callId, String target, TransferMode mode) {
        if (target == null || target.isBlank()) {
            return new TransferResult.Refused("no transfer target given");
        }
        CompletableFuture<TransferResult> result = new CompletableFuture<>();
        sip.lanes().execute(callId, () -> {
            try {
                Optional<B2buaCall> call = registry.find(callId);
                if (call.isEmpty()) {
                    result.complete(new TransferResult.Refused("no call in progress has Call-ID " + callId));
                    return;
                }
                call.get().enterLogContext();
                result.complete(call.get().transfers.fromServer(target.trim(), mode == TransferMode.ATTENDED));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                MDC.clear();
            }
        });
        try {
            return result.get(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TransferResult.Refused("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return new TransferResult.Refused("the call did not take the command: " + e);
        }
    }
}
