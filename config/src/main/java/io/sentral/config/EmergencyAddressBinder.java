package io.sentral.config;

import io.sentral.core.emergency.CivicAddress;
import io.sentral.core.emergency.EmergencyAddressAssignment;
import io.sentral.core.number.NumberRange;
import io.sentral.core.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a customer's {@code emergencyAddresses[]} (T6): where its numbers are used. Assignments may
 * nest (the most specific wins) but not overlap partly, and cover only the customer's numbers.
 * Numbers left without an address are allowed: their emergency calls still go through, with an alarm.
 */
final class EmergencyAddressBinder {
    private static final Set<String> ADDRESS_KEYS = Set.of("street", "houseNumber", "postcode", "town", "country",
            "floor", "room");

    private EmergencyAddressBinder() {
    }

    static List<EmergencyAddressAssignment> bind(List<YamlNode> items, TenantId tenant, CustomerNumbers numbers) {
        List<CustomerNumbers.Declared> seen = new ArrayList<>();
        List<EmergencyAddressAssignment> assignments = new ArrayList<>();
        for (YamlNode item : items) {
            YamlNode entry = item.object(Set.of("numbers", "address"));
            CivicAddress address = address(entry.required("address"));
            List<YamlNode> ranges = entry.required("numbers").elements();
            if (ranges.isEmpty()) {
                throw entry.required("numbers").error("list the numbers used at this address");
            }
            for (YamlNode n : ranges) {
                NumberRange range = n.range();
                numbers.requireInRanges(n, range);
                for (CustomerNumbers.Declared other : seen) {
                    if (other.range().equals(range)) {
                        throw n.error(range + " already has an address (" + other.path() + ")");
                    }
                    if (other.range().overlaps(range) && !other.range().covers(range) && !range.covers(other.range())) {
                        throw n.error(range + " overlaps " + other.range() + " (" + other.path()
                                + ") partly; address ranges may only nest");
                    }
                }
                seen.add(new CustomerNumbers.Declared(tenant, range, n.path()));
                assignments.add(new EmergencyAddressAssignment(tenant, range, address));
            }
        }
        return assignments;
    }

    private static CivicAddress address(YamlNode node) {
        YamlNode a = node.object(ADDRESS_KEYS);
        String street = a.required("street").nonBlankText();
        String houseNumber = a.optional("houseNumber").map(YamlNode::text).orElse("");
        YamlNode postcodeNode = a.required("postcode");
        postcodeNode.quoted("\"0155\"");
        String postcode = postcodeNode.nonBlankText();
        String town = a.required("town").nonBlankText();
        var country = GatewayBinder.country(a.required("country"));
        Optional<String> floor = a.optional("floor").map(YamlNode::nonBlankText);
        Optional<String> room = a.optional("room").map(YamlNode::nonBlankText);
        return a.build(() -> new CivicAddress(street, houseNumber, postcode, town, country, floor, room));
    }
}
