package io.sentral.core.call;

import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TrunkId;
import java.util.Objects;

/** Who sent a call, as established by the SIP edge (source-IP trust or digest authentication). */
public sealed interface CallOrigin {

    /** A carrier gateway of the public network, trusted by source address. */
    record Carrier(String gateway) implements CallOrigin {
        public Carrier {
            Objects.requireNonNull(gateway, "gateway");
        }
    }

    /** A customer trunk, authenticated by digest or trusted by source address. */
    record CustomerTrunk(TenantId tenant, TrunkId trunk) implements CallOrigin {
        public CustomerTrunk {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(trunk, "trunk");
        }
    }

    /** A switchboard user's SIP device, authenticated by digest with the user's SIP login (S1). */
    record SwitchboardUser(TenantId tenant, UserId user) implements CallOrigin {
        public SwitchboardUser {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(user, "user");
        }
    }
}
