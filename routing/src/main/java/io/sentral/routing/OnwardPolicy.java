package io.sentral.routing;

import io.sentral.core.barring.BarringClass;
import io.sentral.core.number.E164Number;
import io.sentral.core.policy.PolicyEvent;
import io.sentral.core.policy.SpendView;
import io.sentral.core.route.RoutePlan;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.TrunkId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * T8 for the legs Sentral itself places onward to the public network — forwarding, absence
 * forwarding, queue overflow and transfers to a public number. The customer pays for them (R1:
 * forwarded/transferred), so its barrings and monthly cost limit apply exactly as to its own
 * outgoing calls. Without this, a user could forward their number abroad or to a premium-rate
 * number and let anyone call it: the classic toll-fraud path of a PBX. Refusals name the bar and
 * are counted as policy events of the customer's switchboard ({@code <tenant>-switchboard}).
 */
final class OnwardPolicy {
    private final NumberPlan plan;
    private final SpendView spend;

    OnwardPolicy(NumberPlan plan, SpendView spend) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.spend = Objects.requireNonNull(spend, "spend");
    }

    /** Why {@code tenant} may not pay for a leg to {@code number}, if it may not. */
    Optional<RoutePlan> refusal(TenantSnapshot snapshot, TenantId tenant, E164Number number) {
        Optional<Customer> customer = snapshot.customer(tenant);
        if (customer.isEmpty()) {
            return Optional.of(reject("Forbidden: unknown customer " + tenant, List.of()));
        }
        TrunkId switchboard = UserOriginRoute.switchboardTrunkOf(tenant);
        Callee callee = new Callee.Public(number, plan.classify(number));
        Optional<BarringClass> bar = Barring.barredBy(snapshot.barrings(tenant), callee, customer.get().country());
        if (bar.isPresent()) {
            return Optional.of(reject(Barring.reason(bar.get()),
                    List.of(new PolicyEvent.CallBarred(tenant, switchboard, bar.get()))));
        }
        if (CostLimit.reached(snapshot.monthlyCostLimit(tenant), callee.numberClass(),
                () -> spend.spentThisMonth(tenant))) {
            return Optional.of(reject(CostLimit.REASON, List.of(new PolicyEvent.CostLimitReached(tenant, switchboard))));
        }
        return Optional.empty();
    }

    private static RoutePlan reject(String reason, List<PolicyEvent> events) {
        return new RoutePlan.Reject(403, reason, RouteRule.SWITCHBOARD_EXTERNAL.label(), Optional.empty(), events);
    }
}
