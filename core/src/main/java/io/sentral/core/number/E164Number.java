package io.sentral.core.number;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A telephone number in E.164 form: {@code +} followed by 7 to 15 digits, no leading zero.
 * Parsing validates; every other representation (national, {@code 00}, {@code tel:}) is turned
 * into this by {@link NumberNormaliser}.
 */
public record E164Number(String value) implements Comparable<E164Number> {
    private static final Pattern FORM = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public E164Number {
        Objects.requireNonNull(value, "value");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not an E.164 number: '" + value + "'");
        }
    }

    public static E164Number of(String value) {
        return new E164Number(value);
    }

    /** The digits without the leading plus. */
    public String digits() {
        return value.substring(1);
    }

    public boolean hasCountryCode(String countryCode) {
        return digits().startsWith(countryCode);
    }

    /** Numeric comparison for numbers of equal length; shorter numbers sort first. */
    @Override
    public int compareTo(E164Number other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
