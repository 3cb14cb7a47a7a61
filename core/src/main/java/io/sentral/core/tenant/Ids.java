package io.sentral.core.tenant;

import java.util.regex.Pattern;

/** Shared validation of provisioning identifiers: lower-case letters, digits and dashes. */
final class Ids {
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private Ids() {
    }

    static String check(String kind, String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid " + kind + " '" + value + "': use 1-63 lower-case letters, digits, '.', '_' or '-'");
        }
        return value;
    }
}
