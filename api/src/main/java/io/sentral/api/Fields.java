package io.sentral.api;

import io.sentral.core.account.AccountName;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reading request fields and query parameters the one way every route does, naming what is wrong. */
final class Fields {
    private Fields() {
    }

    /** An ISO-8601 instant, or a 400 naming the field. */
    static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + ": '" + text + "' is not an ISO-8601 instant like 2026-11-24T00:00:00Z");
        }
    }

    /** An enum constant written in kebab case ({@code ring-all}), or an IllegalArgumentException listing them. */
    static <E extends Enum<E>> E constant(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': '" + text + "' (expected one of: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Fields::kebab).toList()) + ")");
        }
    }

    /** An enum constant as the API writes it: lower case, words joined by '-'. */
    static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** An E.164 number, none when left out or blank, or a 400 naming the field. */
    static Optional<E164Number> number(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(E164Number.of(text.trim()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("field '" + field + "': " + e.getMessage());
        }
    }

    /** A number range ({@code +4722770000-+4722770099}) or a single number, or a 400 naming the field. */
    static NumberRange range(String field, String text) {
        try {
            return NumberRange.parse(text == null ? "" : text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("field '" + field + "': " + e.getMessage());
        }
    }

    /** The path's account name, or a 400. */
    static AccountName accountName(String text) {
        try {
            return AccountName.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("account: " + e.getMessage());
        }
    }
}
