package io.sentral.core.trace;

import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TrunkId;
import java.util.Objects;

/** What a NOC engineer asks to trace (N3): every call over a trunk, or every call from or to a number. */
public sealed interface TraceTarget {

    record OfTrunk(TrunkId trunk) implements TraceTarget {
        public OfTrunk {
            Objects.requireNonNull(trunk, "trunk");
        }

        @Override
        public String toString() {
            return "trunk " + trunk;
        }
    }

    record OfNumber(E164Number number) implements TraceTarget {
        public OfNumber {
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String toString() {
            return "number " + number;
        }
    }
}
