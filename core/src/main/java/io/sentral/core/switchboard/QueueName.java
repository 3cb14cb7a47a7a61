package io.sentral.core.switchboard;

import java.util.regex.Pattern;

/**
 * The name of an answer group (S2) as the customer calls it, e.g. {@code Sentralbord}; unique
 * within a tenant and shown in call logs (S4, S12), so it keeps its case and may hold spaces.
 */
public record QueueName(String value) {
    private static final Pattern FORM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,62}");

    public QueueName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid queue name '" + value
                    + "': use 1-63 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit");
        }
    }

    public static QueueName of(String value) {
        return new QueueName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
