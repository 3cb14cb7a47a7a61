package io.sentral.config;

import io.sentral.core.account.WebAccount;
import io.sentral.core.portability.PortabilityTable;
import io.sentral.core.portability.PortedIn;
import io.sentral.core.portability.PortedOut;
import io.sentral.core.provisioning.CustomerProvisioning;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole configuration file: the node's own settings, the gateways of the operator's network, the
 * customers to provision, the operator's own web accounts (NOC, system admin), the number plan
 * that barring reads and the operator's ported-out numbers. Customers, accounts and ported-out
 * numbers go to the database through the same provisioning code as the API (N5); the node
 * settings, gateways and number plan are operations' and stay in the file.
 *
 * @param numberPlan premium-rate, special and freephone prefixes per country (T8)
 * @param portedOut  the numbers ported away (T9), when the file declares {@code portability};
 *                   empty when it does not, which leaves the stored table as it is
 */
public record SentralConfig(NodeSettings node, List<GatewaySettings> gateways,
                            List<CustomerProvisioning> customers, List<WebAccount> accounts,
                            NumberPlanSettings numberPlan, Optional<List<PortedOut>> portedOut) {
    public SentralConfig {
        Objects.requireNonNull(node, "node");
        gateways = List.copyOf(gateways);
        customers = List.copyOf(customers);
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(numberPlan, "numberPlan");
        portedOut = Objects.requireNonNull(portedOut, "portedOut").map(List::copyOf);
        if (accounts.stream().anyMatch(a -> a.role().tenantScoped())) {
            throw new IllegalArgumentException("operator accounts must have the NOC or system admin role");
        }
        Map<String, GatewaySettings> byName = gateways.stream()
                .collect(Collectors.toMap(GatewaySettings::name, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("duplicate gateway name " + a.name());
                }));
        for (PortedOut p : portedOut.orElse(List.of())) {
            p.gateway().ifPresent(g -> {
                GatewaySettings gateway = byName.get(g);
                if (gateway == null || gateway.role() != GatewayRole.CARRIER) {
                    throw new IllegalArgumentException("ported number " + p.number() + " names " + g
                            + ", which is not a configured carrier gateway");
                }
            });
        }
        portabilityTable(customers, portedOut);
    }

    /** The Nordic number plan, and no portability section (the stored ported-out table stays as it is). */
    public SentralConfig(NodeSettings node, List<GatewaySettings> gateways, List<CustomerProvisioning> customers,
                         List<WebAccount> accounts) {
        this(node, gateways, customers, accounts, NumberPlanSettings.nordicDefaults(), Optional.empty());
    }

    public SentralConfig withNode(NodeSettings newNode) {
        return new SentralConfig(newNode, gateways, customers, accounts, numberPlan, portedOut);
    }

    public SentralConfig withGateways(List<GatewaySettings> newGateways) {
        return new SentralConfig(node, newGateways, customers, accounts, numberPlan, portedOut);
    }

    public SentralConfig withCustomers(List<CustomerProvisioning> newCustomers) {
        return new SentralConfig(node, gateways, newCustomers, accounts, numberPlan, portedOut);
    }

    /**
     * The portability table this file alone describes: its ported-out numbers and its customers'
     * ported-in numbers. What a running node routes by is the stored table
     * ({@code JdbcTenantStore}), which may also hold entries made through the API.
     */
    public PortabilityTable portabilityTable() {
        return portabilityTable(customers, portedOut);
    }

    private static PortabilityTable portabilityTable(List<CustomerProvisioning> customers,
                                                     Optional<List<PortedOut>> portedOut) {
        List<PortedIn> portedIn = customers.stream().flatMap(c -> c.portedIn().stream()).toList();
        List<PortedOut> out = portedOut.orElse(List.of());
        out.stream().filter(o -> portedIn.stream().anyMatch(i -> i.number().equals(o.number()))).findFirst()
                .ifPresent(o -> {
                    throw new IllegalArgumentException("number " + o.number() + " is ported in and out at once");
                });
        return new PortabilityTable(out, portedIn);
    }
}
