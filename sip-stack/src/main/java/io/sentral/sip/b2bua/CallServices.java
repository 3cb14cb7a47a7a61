package io.sentral.sip.b2bua;

import io.sentral.core.call.CallEventListener;
import io.sentral.core.route.SwitchboardRouter;
import io.sentral.core.switchboard.QueueCalls;
import io.sentral.sip.emergency.LocationFormats;
import io.sentral.sip.internal.SipContext;
import java.time.Clock;
import java.util.Objects;

/**
 * What every call of the B2BUA shares: the SIP stack, where call events go, the live calls, and the
 * switchboard's decisions (forwarding, agents' devices, transfers) and queues.
 */
public record CallServices(SipContext sip, CallEventListener events, Clock clock, CallRegistry registry,
                           LocationFormats locationFormats, SwitchboardRouter switchboard, QueueCalls queues) {
    public CallServices {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(locationFormats, "locationFormats");
        Objects.requireNonNull(switchboard, "switchboard");
        Objects.requireNonNull(queues, "queues");
    }
}
