package io.sentral.core.switchboard;

import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An employee of a switchboard customer (S1, S10): reached on the SIP devices that register with
 * {@code sipCredentials}, on the {@code directNumber} from the public network, by {@code extension}
 * inside the company, and on a {@code mobile} of the public network.
 *
 * @param extraTerminal whether the mobile rings in parallel with the SIP devices on direct calls (S1)
 * @param forwarding    where direct calls go when the user is busy, does not answer or is unreachable (S7)
 * @param presentation  the number shown on the user's outgoing calls (S9)
 */
public record User(TenantId tenant, UserId id, String firstName, String lastName, String department,
                   String extension, DigestCredentials sipCredentials, Optional<E164Number> mobile,
                   Optional<E164Number> directNumber, boolean extraTerminal, Forwarding forwarding,
                   Presentation presentation) {
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,10}");

    public User {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(sipCredentials, "sipCredentials");
        Objects.requireNonNull(mobile, "mobile");
        Objects.requireNonNull(directNumber, "directNumber");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(presentation, "presentation");
        if (extraTerminal && mobile.isEmpty()) {
            throw new IllegalArgumentException("user " + id + " rings a mobile in parallel but has no mobile");
        }
        if (firstName.isBlank() && lastName.isBlank()) {
            throw new IllegalArgumentException("user " + id + " has no name");
        }
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("not an extension (1-10 digits): '" + extension + "'");
        }
        if (!sipCredentials.username().equals(id.value())) {
            throw new IllegalArgumentException("user " + id + " must log in with its own id, not '"
                    + sipCredentials.username() + "'");
        }
    }

    /** A user without extra terminal, forwarding or a chosen presentation number. */
    public User(TenantId tenant, UserId id, String firstName, String lastName, String department, String extension,
                DigestCredentials sipCredentials, Optional<E164Number> mobile, Optional<E164Number> directNumber) {
        this(tenant, id, firstName, lastName, department, extension, sipCredentials, mobile, directNumber, false,
                Forwarding.NONE, Presentation.DEFAULT);
    }

    /** "Alice Hansen": how the directory and caller info show the user. */
    public String displayName() {
        return (firstName + " " + lastName).trim();
    }
}
