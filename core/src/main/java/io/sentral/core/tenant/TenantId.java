package io.sentral.core.tenant;

/** A customer (tenant), e.g. {@code acme}. */
public record TenantId(String value) {
    public TenantId {
        Ids.check("tenant id", value);
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
