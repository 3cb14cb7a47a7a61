package io.sentral.app.switchboard;

import io.sentral.core.registration.ContactDirectory;
import io.sentral.core.switchboard.AbsenceBook;
import io.sentral.core.switchboard.UserId;
import java.time.Clock;
import java.util.Objects;

/**
 * Where an agent is, read from the registrar and the absence book (DEMO.md: agents are logged
 * into their queues while at least one of their devices is registered; S6: absent agents are
 * skipped). A user's address of record is {@code <userId>@<sipDomain>}.
 */
final class AgentPresence {
    private final ContactDirectory contacts;
    private final AbsenceBook absences;
    private final String sipDomain;
    private final Clock clock;

    AgentPresence(ContactDirectory contacts, AbsenceBook absences, String sipDomain, Clock clock) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.absences = Objects.requireNonNull(absences, "absences");
        this.sipDomain = Objects.requireNonNull(sipDomain, "sipDomain");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (sipDomain.isBlank()) {
            throw new IllegalArgumentException("SIP domain must not be blank");
        }
    }

    /** The agent's presence now. */
    Presence of(UserId agent) {
        boolean registered = !contacts.contactsOf(agent.value() + "@" + sipDomain).isEmpty();
        boolean absent = absences.absenceAt(agent, clock.instant()).isPresent();
        return new Presence(registered, absent);
    }

    /**
     * What the queue engine has been told about an agent.
     *
     * @param loggedIn a device of the agent is registered
     * @param absent   an absence is in force
     */
    record Presence(boolean loggedIn, boolean absent) {
        /** What a new engine assumes: logged out, not absent. */
        static final Presence UNKNOWN = new Presence(false, false);
    }
}
