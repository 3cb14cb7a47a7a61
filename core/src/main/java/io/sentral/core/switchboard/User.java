package io.sentral.core.switchboard;

import io.sentral.core.number.E164Number;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.TenantId;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An employee of a switchboard customer (S1, S10): reached on the SIP devices that register with
 * {@code sipCredentials}, on the {@code directNumber} from the public network, by {@code extension}
 * inside the company, and on a {@code mobile} of the public network.
 *
 * @param extraTerminal whether the mobile rings in parallel with the SIP devices on direct calls (S1)
 * @param forwarding    where direct calls go when the user is busy, does not answer or is unreachable (S7)
 * @param presentation  the number shown on the user's outgoing calls (S9)
 * @param calendarFeed  an iCalendar feed (http, https or file URL) whose busy times become the
 *                      user's calendar absences (S6)
 */
public record User(TenantId tenant, UserId id, String firstName, String lastName, String department,
                   String extension, DigestCredentials sipCredentials, Optional<E164Number> mobile,
                   Optional<E164Number> directNumber, boolean extraTerminal, Forwarding forwarding,
                   Presentation presentation, Optional<URI> calendarFeed) {
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,10}");
    private static final Set<String> FEED_SCHEMES = Set.of("http", "https", "file");

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
        Objects.requireNonNull(calendarFeed, "calendarFeed");
        calendarFeed.ifPresent(feed -> requireFeed(id, feed));
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

    /** A user without a calendar feed. */
    public User(TenantId tenant, UserId id, String firstName, String lastName, String department, String extension,
                DigestCredentials sipCredentials, Optional<E164Number> mobile, Optional<E164Number> directNumber,
                boolean extraTerminal, Forwarding forwarding, Presentation presentation) {
        this(tenant, id, firstName, lastName, department, extension, sipCredentials, mobile, directNumber,
                extraTerminal, forwarding, presentation, Optional.empty());
    }

    /** A user without extra terminal, forwarding, a chosen presentation number or a calendar feed. */
    public User(TenantId tenant, UserId id, String firstName, String lastName, String department, String extension,
                DigestCredentials sipCredentials, Optional<E164Number> mobile, Optional<E164Number> directNumber) {
        this(tenant, id, firstName, lastName, department, extension, sipCredentials, mobile, directNumber, false,
                Forwarding.NONE, Presentation.DEFAULT, Optional.empty());
    }

    /** Calendar sync reads feeds over HTTP(S) or from a local file, nothing else. */
    private static void requireFeed(UserId id, URI feed) {
        String scheme = feed.getScheme() == null ? "" : feed.getScheme().toLowerCase(Locale.ROOT);
        if (!feed.isAbsolute() || !FEED_SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("calendar feed of user " + id + " must be an http, https or file URL: '"
                    + feed + "'");
        }
        if (!scheme.equals("file") && (feed.getHost() == null || feed.getHost().isEmpty())) {
            throw new IllegalArgumentException("calendar feed of user " + id + " names no host: '" + feed + "'");
        }
        if (scheme.equals("file") && (feed.getPath() == null || feed.getPath().isEmpty())) {
            throw new IllegalArgumentException("calendar feed of user " + id + " names no file: '" + feed + "'");
        }
    }

    /** "Alice Hansen": how the directory and caller info show the user. */
    public String displayName() {
        return (firstName + " " + lastName).trim();
    }
}
