package io.sentral.routing;

import io.sentral.core.number.Country;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises emergency calls (T6) in the Request-URI user, before any other stage looks at it.
 * Recognition errs on the side of the caller: a missed emergency call can cost a life, a false
 * one costs a PSAP operator a moment. Recognised:
 * <ul>
 *   <li>the customer's national emergency numbers as dialled — Norway 110 (fire), 112 (police),
 *       113 (ambulance); Sweden 112;</li>
 *   <li>the same with a country prefix, {@code +47112}, {@code 0047112}, {@code +46112},
 *       {@code 0046112}: a number in that country's set counts for that country, whoever
 *       dials it;</li>
 *   <li>{@code urn:service:sos} and its sub-services {@code urn:service:sos.*} (RFC 5031 §4.2),
 *       case-insensitively.</li>
 * </ul>
 * Visual separators ({@code 1 1 2}), one trailing {@code #} (the "send" key some phones put into
 * the dial string) and URI parameters after {@code ;} ({@code 112;phone-context=+47}) are
 * ignored. Deliberately not recognised: numbers of other countries ({@code 911}, {@code 999}),
 * longer numbers starting with an emergency number ({@code 1120}, {@code +471101}), and a
 * country's number under another country's code ({@code +46110}). The sets are fixed here, not
 * configurable: no configuration mistake may turn 112 into an ordinary number.
 */
final class EmergencyNumbers {
    private static final Map<Country, Set<String>> NUMBERS = Map.of(
            Country.NO, Set.of("110", "112", "113"),
            Country.SE, Set.of("112"));
    /** RFC 5031: service = top-level *("." sub-service), labels of letters, digits and hyphens. */
    private static final Pattern SOS_URN = Pattern.compile("urn:service:sos(\\.[a-z0-9-]+)*");
    private static final Pattern SUB_SERVICE = Pattern.compile("urn:service:sos\\.([a-z0-9-]+)");

    private EmergencyNumbers() {
    }

    static Optional<EmergencyService> recognise(String requestUser, Country customerCountry) {
        String user = requestUser.trim();
        String lower = user.toLowerCase(Locale.ROOT);
        if (lower.startsWith("urn:")) {
            return serviceUrn(lower, customerCountry);
        }
        int parameters = user.indexOf(';');
        String dialled = (parameters < 0 ? user : user.substring(0, parameters)).replaceAll("[\\s().\\-]", "");
        if (dialled.endsWith("#")) {
            dialled = dialled.substring(0, dialled.length() - 1);
        }
        if (NUMBERS.get(customerCountry).contains(dialled)) {
            return Optional.of(new EmergencyService(dialled, customerCountry, dialled));
        }
        String international = dialled.startsWith("+") ? dialled.substring(1)
                : dialled.startsWith("00") ? dialled.substring(2) : null;
        if (international == null) {
            return Optional.empty();
        }
        for (Country country : Country.values()) {
            if (international.startsWith(country.countryCode())) {
                String national = international.substring(country.countryCode().length());
                if (NUMBERS.get(country).contains(national)) {
                    return Optional.of(new EmergencyService(national, country, national));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A service URN is taken up to its last well-formed label, so {@code urn:service:sos.fire;x}
     * or a trailing dot still reach the PSAP; {@code urn:service:sosx} and
     * {@code urn:service:counseling} are not emergency services.
     */
    private static Optional<EmergencyService> serviceUrn(String urn, Country country) {
        Matcher matcher = SOS_URN.matcher(urn);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        String service = matcher.group();
        int end = matcher.end();
        if (end < urn.length() && (Character.isLetterOrDigit(urn.charAt(end)) || urn.charAt(end) == '-')) {
            return Optional.empty();
        }
        return Optional.of(new EmergencyService(service, country, shortNumberOf(service, country)));
    }

    /** Norway answers fire on 110 and medical emergencies on 113; everything else is 112. */
    private static String shortNumberOf(String service, Country country) {
        Matcher sub = SUB_SERVICE.matcher(service);
        String top = sub.lookingAt() ? sub.group(1) : "";
        if (country == Country.NO) {
            return switch (top) {
                case "fire" -> "110";
                case "ambulance", "physician" -> "113";
                default -> "112";
            };
        }
        return "112";
    }
}
