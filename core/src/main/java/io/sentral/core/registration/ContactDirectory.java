package io.sentral.core.registration;

import java.util.List;

/** Read view of the registrar's location service: the live contacts of an address of record. */
public interface ContactDirectory {

    /** Unexpired bindings of {@code aor}, highest q first. */
    List<Binding> contactsOf(String aor);
}
