package io.sentral.config;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.Role;
import io.sentral.core.account.WebAccount;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds web accounts (S17): a customer's {@code webAccounts[]} (user, operator, contact person)
 * and the operator's own top-level {@code accounts[]} (NOC, system admin). Passwords stay in
 * clear text only until provisioning hashes them; they are never stored or printed as such.
 */
final class WebAccountBinder {
    private static final Set<String> KEYS = Set.of("username", "password", "role", "user");

    private final Uniques globalIds;

    WebAccountBinder(Uniques globalIds) {
        this.globalIds = globalIds;
    }

    List<WebAccount> customerAccounts(List<YamlNode> items, TenantId tenant, List<User> users) {
        Set<UserId> userIds = Set.copyOf(users.stream().map(User::id).toList());
        return items.stream().map(item -> {
            YamlNode a = item.object(KEYS);
            Role role = role(a);
            if (!role.tenantScoped()) {
                throw a.required("role").error("role " + YamlNode.kebab(role)
                        + " belongs to the operator: declare it under the top-level accounts");
            }
            Optional<UserId> user = a.optional("user").map(n -> {
                UserId id = n.parse(UserId::of);
                if (!userIds.contains(id)) {
                    throw n.error("'" + id + "' is not a user of customer " + tenant);
                }
                return id;
            });
            return new WebAccount(name(a), Optional.of(tenant), role, secret(a), user);
        }).toList();
    }

    List<WebAccount> operatorAccounts(List<YamlNode> items) {
        return items.stream().map(item -> {
            YamlNode a = item.object(Set.of("username", "password", "role"));
            Role role = role(a);
            if (role.tenantScoped()) {
                throw a.required("role").error("role " + YamlNode.kebab(role)
                        + " belongs to a customer: declare it under that customer's webAccounts");
            }
            return new WebAccount(name(a), Optional.empty(), role, secret(a), Optional.empty());
        }).toList();
    }

    private AccountName name(YamlNode account) {
        YamlNode node = account.required("username");
        AccountName name = node.parse(AccountName::of);
        globalIds.claim("account name", name, node);
        return name;
    }

    private static Role role(YamlNode account) {
        return account.required("role").enumValue(Role.class, "role");
    }

    private static AccountSecret secret(YamlNode account) {
        return new AccountSecret.Plain(account.required("password").nonBlankText());
    }
}
