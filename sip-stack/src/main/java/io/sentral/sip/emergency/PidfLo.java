package io.sentral.sip.emergency;

import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.number.E164Number;
import java.time.Instant;

/**
 * A PIDF-LO document carrying a civic address by value (RFC 4119, civic address elements of
 * RFC 5139, the device/timestamp profile of RFC 5491): what the emergency gateway receives
 * beside the SDP of an emergency call (T6).
 */
public final class PidfLo {
    public static final String CONTENT_TYPE = "application/pidf+xml";

    private PidfLo() {
    }

    /**
     * @param caller   whose location this is (the presentity)
     * @param domain   our SIP domain, for the presentity URI
     * @param address  the registered civic address
     * @param at       when the location was attached
     */
    public static String of(E164Number caller, String domain, CivicAddress address, Instant at) {
        StringBuilder xml = new StringBuilder(1024)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n")
                .append("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"\r\n")
                .append("    xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\"\r\n")
                .append("    xmlns:ca=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\"\r\n")
                .append("    xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\"\r\n")
                .append("    entity=\"pres:").append(escape(caller.value())).append('@').append(escape(domain))
                .append("\">\r\n")
                .append("  <dm:device id=\"sentral-caller\">\r\n")
                .append("    <gp:geopriv>\r\n")
                .append("      <gp:location-info>\r\n")
                .append("        <ca:civicAddress xml:lang=\"").append(language(address)).append("\">\r\n");
        element(xml, "country", address.country().name());
        element(xml, "A3", address.town());
        element(xml, "RD", address.street());
        if (!address.houseNumber().isBlank()) {
            element(xml, "HNO", address.houseNumber());
        }
        element(xml, "PC", address.postcode());
        address.floor().ifPresent(floor -> element(xml, "FLR", floor));
        address.room().ifPresent(room -> element(xml, "ROOM", room));
        return xml.append("        </ca:civicAddress>\r\n")
                .append("      </gp:location-info>\r\n")
                .append("      <gp:usage-rules/>\r\n")
                .append("      <gp:method>Manual</gp:method>\r\n")
                .append("    </gp:geopriv>\r\n")
                .append("    <dm:deviceID>tel:").append(escape(caller.value())).append("</dm:deviceID>\r\n")
                .append("    <dm:timestamp>").append(at).append("</dm:timestamp>\r\n")
                .append("  </dm:device>\r\n")
                .append("</presence>\r\n")
                .toString();
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("          <ca:").append(name).append('>').append(escape(value)).append("</ca:").append(name)
                .append(">\r\n");
    }

    private static String language(CivicAddress address) {
        return switch (address.country()) {
            case NO -> "no";
            case SE -> "sv";
        };
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
