package io.sentral.config;

import io.sentral.core.account.WebAccount;
import io.sentral.core.provisioning.CustomerProvisioning;
import java.util.List;
import java.util.Objects;

/**
 * A whole configuration file: the node's own settings, the gateways of the operator's network, the
 * customers to provision and the operator's own web accounts (NOC, system admin). Customers and
 * accounts go to the database through the same provisioning code as the API (N5).
 */
public record SentralConfig(NodeSettings node, List<GatewaySettings> gateways,
                            List<CustomerProvisioning> customers, List<WebAccount> accounts) {
    public SentralConfig {
        Objects.requireNonNull(node, "node");
        gateways = List.copyOf(gateways);
        customers = List.copyOf(customers);
        accounts = List.copyOf(accounts);
        if (accounts.stream().anyMatch(a -> a.role().tenantScoped())) {
            throw new IllegalArgumentException("operator accounts must have the NOC or system admin role");
        }
    }
}
