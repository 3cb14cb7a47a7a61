package io.sentral.core.tenant;

/** A SIP trunk, e.g. {@code acme-pbx}. Unique across tenants. */
public record TrunkId(String value) {
    public TrunkId {
        Ids.check("trunk id", value);
    }

    public static TrunkId of(String value) {
        return new TrunkId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
