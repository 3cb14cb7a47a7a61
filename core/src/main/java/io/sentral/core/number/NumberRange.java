package io.sentral.core.number;

import java.util.Objects;

/** An inclusive series of numbers of the same length, e.g. +4722120000 – +4722120099 (T3). */
public record NumberRange(E164Number first, E164Number last) {

    public NumberRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (first.value().length() != last.value().length()) {
            throw new IllegalArgumentException("range ends differ in length: " + first + " – " + last);
        }
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("range starts after it ends: " + first + " – " + last);
        }
    }

    public static NumberRange of(String first, String last) {
        return new NumberRange(E164Number.of(first), E164Number.of(last));
    }

    public static NumberRange single(E164Number number) {
        return new NumberRange(number, number);
    }

    public boolean contains(E164Number number) {
        return number.value().length() == first.value().length()
                && number.compareTo(first) >= 0
                && number.compareTo(last) <= 0;
    }

    public boolean overlaps(NumberRange other) {
        return first.value().length() == other.first.value().length()
                && first.compareTo(other.last) <= 0
                && other.first.compareTo(last) <= 0;
    }

    public long size() {
        return Long.parseLong(last.digits()) - Long.parseLong(first.digits()) + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
