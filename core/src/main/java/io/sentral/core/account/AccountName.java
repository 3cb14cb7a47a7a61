package io.sentral.core.account;

import java.util.regex.Pattern;

/** The login name of a web account (S17), e.g. {@code fjord-admin}; unique across tenants. */
public record AccountName(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,62}");

    public AccountName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid account name '" + value
                    + "': use 1-63 lower-case letters, digits, '.', '_', '@' or '-'");
        }
    }

    public static AccountName of(String value) {
        return new AccountName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
