package io.sentral.core.number;

/**
 * Countries whose numbers customers may hold (T10) and whose national dialling plans
 * {@link NumberNormaliser} understands.
 */
public enum Country {
    /** Norway: closed 8-digit plan, no trunk prefix. */
    NO("47", "Europe/Oslo"),
    /** Sweden: open plan, national numbers dialled with trunk prefix 0. */
    SE("46", "Europe/Stockholm");

    private final String countryCode;
    private final java.time.ZoneId zone;

    Country(String countryCode, String zone) {
        this.countryCode = countryCode;
        this.zone = java.time.ZoneId.of(zone);
    }

    /** The country's civil time zone: local times in calendars, absence end times shown to callers. */
    public java.time.ZoneId zone() {
        return zone;
    }

    public String countryCode() {
        return countryCode;
    }

    /** The country whose code starts the number, if it is one of ours. */
    public static java.util.Optional<Country> of(E164Number number) {
        for (Country c : values()) {
            if (number.hasCountryCode(c.countryCode)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    public static Country parse(String code) {
        try {
            return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown country '" + code + "' (expected NO or SE)");
        }
    }
}
