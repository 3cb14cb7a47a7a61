package io.sentral.sip.b2bua;

import io.sentral.core.route.Destination;
import io.sentral.core.route.RoutePlan;
import java.util.Optional;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a {@link RoutePlan.Forward}'s destinations one after the other (trunks, gateways): the next
 * when one answers 408 or 5xx or stays silent for the gateway timeout; any other final answer is
 * relayed to the caller (DEMO.md "outbound failover").
 */
final class SerialHunt implements Hunt {
    private static final Logger LOG = LoggerFactory.getLogger(SerialHunt.class);

    private final B2buaCall call;
    private final RoutePlan.Forward plan;
    private int attempt = -1;
    private Response lastFailure;

    SerialHunt(B2buaCall call, RoutePlan.Forward plan) {
        this.call = call;
        this.plan = plan;
    }

    @Override
    public void start() {
        tryNext();
    }

    private void tryNext() {
        while (++attempt < plan.destinations().size()) {
            Destination destination = plan.destinations().get(attempt);
            OutgoingInvite.Target target = new OutgoingInvite.Target(destination, Optional.of(plan.requestUser()));
            if (call.place(target, Optional.empty(), true).isPresent()) {
                return;
            }
        }
        if (lastFailure != null) {
            call.fail(lastFailure.getStatusCode(), lastFailure.getReasonPhrase(), Optional.empty(), true);
        } else {
            call.fail(Response.REQUEST_TIMEOUT, "Request Timeout (no answer from "
                    + (plan.destinations().size() == 1 ? "the destination" : "any destination") + ")",
                    Optional.empty(), true);
        }
    }

    @Override
    public void onProvisional(Branch branch, Response response) {
        call.relayProvisional(response);
    }

    @Override
    public void onAnswered(Branch branch) {
        call.connect(branch);
    }

    @Override
    public void onFailed(Branch branch, Optional<Response> response) {
        if (response.isEmpty()) {
            LOG.warn("no answer from {} within {} for call {}", branch.destination.label(),
                    call.settings().gatewayTimeout(), call.callId());
            tryNext();
            return;
        }
        int status = response.get().getStatusCode();
        boolean failover = status == Response.REQUEST_TIMEOUT || (status >= 500 && status < 600);
        if (failover && attempt + 1 < plan.destinations().size()) {
            LOG.info("{} answered {} for call {}: trying the next destination", branch.destination.label(), status,
                    call.callId());
            lastFailure = response.get();
            tryNext();
            return;
        }
        call.fail(status, response.get().getReasonPhrase(), response, false);
    }
}
