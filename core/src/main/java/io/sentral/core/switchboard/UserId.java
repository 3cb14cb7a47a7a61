package io.sentral.core.switchboard;

import java.util.regex.Pattern;

/**
 * A switchboard user (S1), named by the SIP login of the user's devices, e.g. {@code alice}.
 * Unique across tenants, because all devices register in the one SIP domain.
 */
public record UserId(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public UserId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid user id '" + value + "': use 1-63 lower-case letters, digits, '.', '_' or '-'");
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
