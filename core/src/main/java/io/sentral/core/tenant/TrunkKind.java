package io.sentral.core.tenant;

/** How a trunk proves who it is (T2). */
public enum TrunkKind {
    /** The PBX registers with digest authentication; calls go to its registered contacts. */
    REGISTRATION,
    /** The PBX is trusted by source IP and reached at a fixed address. */
    STATIC
}
