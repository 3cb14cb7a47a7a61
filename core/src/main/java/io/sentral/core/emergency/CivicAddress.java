package io.sentral.core.emergency;

import io.sentral.core.number.Country;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a number is used, as sent to the emergency services in a PIDF-LO civic address
 * (RFC 4119, RFC 5139: A6 street, HNO house number, PC postcode, A3 town, FLR floor, ROOM).
 * Postcodes and house numbers are text: Norwegian postcodes start with 0, house numbers carry letters.
 */
public record CivicAddress(String street, String houseNumber, String postcode, String town, Country country,
                           Optional<String> floor, Optional<String> room) {
    public CivicAddress {
        requireText("street", street);
        Objects.requireNonNull(houseNumber, "houseNumber");
        requireText("postcode", postcode);
        requireText("town", town);
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(room, "room");
    }

    public static CivicAddress of(String street, String houseNumber, String postcode, String town, Country country) {
        return new CivicAddress(street, houseNumber, postcode, town, country, Optional.empty(), Optional.empty());
    }

    private static void requireText(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException("address " + field + " is empty");
        }
    }

    /** "Storgata 1, 0155 Oslo, NO": the form operators and alarms show. */
    public String oneLine() {
        String streetPart = houseNumber.isBlank() ? street : street + " " + houseNumber;
        return streetPart + ", " + postcode + " " + town + ", " + country;
    }

    @Override
    public String toString() {
        return oneLine() + floor.map(f -> ", floor " + f).orElse("") + room.map(r -> ", room " + r).orElse("");
    }
}
