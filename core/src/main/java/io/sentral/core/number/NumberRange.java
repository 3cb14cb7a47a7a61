package io.sentral.core.number;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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

    /**
     * Parses the provisioning form {@code +4722120000-+4722120099}, or a single number
     * {@code +4791000001} as a one-number range.
     */
    public static NumberRange parse(String text) {
        String t = Objects.requireNonNull(text, "range").trim();
        int dash = t.indexOf('-', 1);
        String firstText = dash < 0 ? t : t.substring(0, dash).trim();
        String lastText = dash < 0 ? t : t.substring(dash + 1).trim();
        E164Number first;
        E164Number last;
        try {
            first = E164Number.of(firstText);
            last = E164Number.of(lastText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an E.164 range: '" + text + "'", e);
        }
        return new NumberRange(first, last);
    }

    /** Whether every number of {@code other} is in this range. */
    public boolean covers(NumberRange other) {
        return first.value().length() == other.first.value().length()
                && first.compareTo(other.first) <= 0
                && other.last.compareTo(last) <= 0;
    }

    /**
     * The parts of this range that none of {@code holes} contains, in ascending order. Used to
     * find a customer's numbers that have no trunk, or no emergency address.
     */
    public List<NumberRange> minus(Collection<NumberRange> holes) {
        long cursor = Long.parseLong(first.digits());
        long end = Long.parseLong(last.digits());
        List<NumberRange> rest = new ArrayList<>();
        List<NumberRange> overlapping = holes.stream().filter(this::overlaps)
                .sorted(Comparator.comparing(NumberRange::first)).toList();
        for (NumberRange hole : overlapping) {
            long holeStart = Long.parseLong(hole.first.digits());
            long holeEnd = Long.parseLong(hole.last.digits());
            if (holeStart > cursor) {
                rest.add(new NumberRange(number(cursor), number(holeStart - 1)));
            }
            cursor = Math.max(cursor, holeEnd + 1);
        }
        if (cursor <= end) {
            rest.add(new NumberRange(number(cursor), number(end)));
        }
        return List.copyOf(rest);
    }

    private static E164Number number(long digits) {
        return new E164Number("+" + digits);
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
