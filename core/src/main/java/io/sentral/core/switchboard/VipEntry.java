package io.sentral.core.switchboard;

import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.TenantId;
import java.util.Objects;

/** A caller on a customer's VIP list: put first in every queue of that customer (S3). */
public record VipEntry(TenantId tenant, E164Number number, String description) {
    public VipEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(description, "description");
    }
}
