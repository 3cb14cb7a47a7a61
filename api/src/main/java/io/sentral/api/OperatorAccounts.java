package io.sentral.api;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.WebAccount;
import java.util.List;
import java.util.Optional;

/**
 * Port: the operator's own web accounts (S17) — NOC and system admins, of no customer — stored
 * through the same provisioning as the YAML file's {@code accounts}. Refusals that depend on the
 * stored accounts (a customer's name, no system admin left) are checked in the same transaction
 * as the change and answer 409.
 */
public interface OperatorAccounts {

    /** The operator's accounts, their secrets as stored hashes. */
    List<WebAccount> list();

    /** The account of that name, a customer's included: names are unique across Sentral. */
    Optional<WebAccount> find(AccountName name);

    /** Creates or replaces an operator account; 409 if that leaves no system admin or the name is a customer's. */
    void put(WebAccount account);

    /**
     * Removes an operator account and its API tokens; false if there is no operator account of
     * that name; 409 if it is the last system admin.
     */
    boolean remove(AccountName name);
}
