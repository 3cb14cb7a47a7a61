package io.sentral.app.calendar;

import io.sentral.core.switchboard.AbsenceReason;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reason of a calendar absence from the words of its categories or summary, in English,
 * Norwegian and Swedish ("Sommerferie", "Sykmeldt", "Tjänsteresa", "Lunsj", "Kundemøte"). A word
 * matches a keyword it starts or ends with, so that the compounds of the Nordic languages are
 * caught; rules are tried in the order listed, so "Lunsjmøte" is lunch.
 */
final class AbsenceKeywords {
    private record Rule(AbsenceReason reason, List<String> keywords) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(AbsenceReason.VACATION, List.of("vacation", "holiday", "ferie", "semester")),
            new Rule(AbsenceReason.SICK, List.of("sick", "syk", "sjuk")),
            new Rule(AbsenceReason.TRAVEL, List.of("travel", "reise", "resa")),
            new Rule(AbsenceReason.LUNCH, List.of("lunch", "lunsj")),
            new Rule(AbsenceReason.MEETING, List.of("meeting", "møte", "möte")));

    private AbsenceKeywords() {
    }

    /**
     * The reason named by the categories or else the summary; without one, a meeting for a timed
     * event and "other" for an all-day one (a whole day away is rarely a meeting).
     */
    static AbsenceReason reason(List<String> categories, Optional<String> summary, boolean allDay) {
        return categories.stream().map(AbsenceKeywords::named).flatMap(Optional::stream).findFirst()
                .or(() -> summary.flatMap(AbsenceKeywords::named))
                .orElse(allDay ? AbsenceReason.OTHER : AbsenceReason.MEETING);
    }

    static Optional<AbsenceReason> named(String text) {
        List<String> words = List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
        return RULES.stream()
                .filter(rule -> words.stream().anyMatch(w -> rule.keywords().stream()
                        .anyMatch(k -> w.startsWith(k) || w.endsWith(k))))
                .map(Rule::reason)
                .findFirst();
    }
}
