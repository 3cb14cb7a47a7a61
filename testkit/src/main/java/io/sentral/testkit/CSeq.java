package io.sentral.testkit;

import java.util.Objects;

/** The CSeq header (RFC 3261 §20.16): sequence number and method of a transaction. */
public record CSeq(long number, String method) {
    public CSeq {
        Objects.requireNonNull(method, "method");
        if (number < 0 || number > 0xffffffffL) {
            throw new IllegalArgumentException("CSeq number out of range: " + number);
        }
        if (method.isBlank()) {
            throw new IllegalArgumentException("CSeq method is empty");
        }
    }

    public static CSeq parse(String value) {
        String[] parts = Objects.requireNonNull(value, "value").trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a CSeq: '" + value + "'");
        }
        try {
            return new CSeq(Long.parseLong(parts[0]), parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CSeq: '" + value + "'", e);
        }
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
