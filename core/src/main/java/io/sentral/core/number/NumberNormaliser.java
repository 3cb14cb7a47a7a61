package io.sentral.core.number;

import java.util.Optional;

/**
 * Turns a dialled or presented number into E.164 in the dialling plan of the caller's country (T4).
 *
 * <ul>
 *   <li>{@code +4722120005}, {@code 004722120005}: international forms, taken as they are;</li>
 *   <li>{@code 22120005} from a Norwegian customer: the closed 8-digit national plan;</li>
 *   <li>{@code 0812345600} from a Swedish customer: national with trunk prefix 0.</li>
 * </ul>
 * Visual separators ({@code -}, {@code .}, spaces, parentheses) are ignored. Anything else —
 * short codes, letters, a number too short or long — is not a public number and gives empty.
 */
public final class NumberNormaliser {

    private NumberNormaliser() {
    }

    public static Optional<E164Number> normalise(String dialled, Country callerCountry) {
        if (dialled == null) {
            return Optional.empty();
        }
        String s = dialled.replaceAll("[\\s().\\-]", "");
        String candidate;
        if (s.startsWith("+")) {
            candidate = s;
        } else if (s.startsWith("00")) {
            candidate = "+" + s.substring(2);
        } else if (callerCountry == Country.NO && s.matches("[2-9][0-9]{7}")) {
            candidate = "+47" + s;
        } else if (callerCountry == Country.SE && s.matches("0[1-9][0-9]{6,9}")) {
            candidate = "+46" + s.substring(1);
        } else {
            return Optional.empty();
        }
        if (!candidate.matches("\\+[1-9][0-9]{6,14}")) {
            return Optional.empty();
        }
        return Optional.of(new E164Number(candidate));
    }
}
