package io.sentral.storage;

import io.sentral.core.account.AccountName;
import io.sentral.core.account.AccountSecret;
import io.sentral.core.account.PasswordHash;
import io.sentral.core.account.WebAccount;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides the hash to store for each web account. A stored hash that already verifies the given
 * password is kept, so re-applying the same YAML changes no row, unless it is outdated (an earlier,
 * weaker form); otherwise a new salted hash is made. Both take one deliberately slow Argon2id run per account, done in parallel and outside the
 * database transaction, so that start-up stays quick and no connection is held meanwhile.
 */
final class PasswordHashes {
    private final SecureRandom random;

    PasswordHashes(SecureRandom random) {
        this.random = random;
    }

    Map<AccountName, PasswordHash> decide(List<WebAccount> accounts, Map<AccountName, PasswordHash> stored) {
        return accounts.parallelStream().collect(Collectors.toConcurrentMap(WebAccount::name,
                a -> decide(a.secret(), stored.get(a.name()))));
    }

    private PasswordHash decide(AccountSecret secret, PasswordHash stored) {
        return switch (secret) {
            case AccountSecret.Hashed hashed -> hashed.hash();
            case AccountSecret.Plain plain when stored != null && !stored.outdated()
                    && stored.verifies(plain.password()) -> stored;
            case AccountSecret.Plain plain -> PasswordHash.create(plain.password(), random);
        };
    }
}
