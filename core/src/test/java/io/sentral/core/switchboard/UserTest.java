package io.sentral.core.switchboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.TenantId;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A user's calendar feed (S6) is a URL calendar sync can read; the older constructors have none. */
class UserTest {
    private static User withFeed(String feed) {
        return new User(TenantId.of("fjord"), UserId.of("alice"), "Alice", "Hansen", "Sales", "101",
                DigestCredentials.fromPassword("alice", "sentral.test", "alice-secret"), Optional.empty(),
                Optional.empty(), false, Forwarding.NONE, Presentation.DEFAULT, Optional.of(URI.create(feed)));
    }

    @Test
    void calendarFeedsAreHttpHttpsOrFileUrls() {
        assertThat(withFeed("https://calendar.example.com/alice.ics").calendarFeed())
                .contains(URI.create("https://calendar.example.com/alice.ics"));
        assertThat(withFeed("http://127.0.0.1:8081/alice.ics").calendarFeed()).isPresent();
        assertThat(withFeed("file:///var/lib/sentral/alice.ics").calendarFeed()).isPresent();
        assertThatThrownBy(() -> withFeed("ftp://example.com/alice.ics"))
                .hasMessage("calendar feed of user alice must be an http, https or file URL: 'ftp://example.com/alice.ics'");
        assertThatThrownBy(() -> withFeed("alice.ics"))
                .hasMessage("calendar feed of user alice must be an http, https or file URL: 'alice.ics'");
        assertThatThrownBy(() -> withFeed("https:///alice.ics"))
                .hasMessage("calendar feed of user alice names no host: 'https:///alice.ics'");
    }

    @Test
    void compatibleConstructorsHaveNoFeed() {
        User nine = new User(TenantId.of("fjord"), UserId.of("bob"), "Bob", "", "", "102",
                DigestCredentials.fromPassword("bob", "sentral.test", "bob-secret"), Optional.empty(), Optional.empty());
        User twelve = new User(nine.tenant(), nine.id(), nine.firstName(), nine.lastName(), nine.department(),
                nine.extension(), nine.sipCredentials(), nine.mobile(), nine.directNumber(), false, Forwarding.NONE,
                Presentation.DEFAULT);
        assertThat(nine.calendarFeed()).isEmpty();
        assertThat(twelve).isEqualTo(nine);
    }
}
