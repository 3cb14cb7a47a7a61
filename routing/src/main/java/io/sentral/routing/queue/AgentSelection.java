package io.sentral.routing.queue;

import io.sentral.core.switchboard.QueueStrategy;
import io.sentral.core.switchboard.UserId;
import java.util.Comparator;
import java.util.List;

/**
 * The named agent-selection rules (S2), one per {@link QueueStrategy}: given the agents who may
 * be rung for a caller (available, logged into the queue, not skipped for this call; in member
 * order), which to ring. Pure: the queue's memory (last offered, answered counts) is read, never
 * written here.
 */
final class AgentSelection {
    private AgentSelection() {
    }

    static List<UserId> pick(LiveQueue queue, List<Agent> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("nobody to pick from in queue " + queue.name());
        }
        return switch (queue.settings.queue().strategy()) {
            case RING_ALL -> candidates.stream().map(a -> a.id).toList();
            case ROUND_ROBIN -> List.of(roundRobin(queue, candidates));
            case LONGEST_IDLE -> List.of(longestIdle(candidates));
            case FEWEST_CALLS -> List.of(fewestCalls(queue, candidates));
            case SERIAL -> List.of(candidates.getFirst().id);
        };
    }

    /** The first candidate after the agent last offered a call, in member order, wrapping around. */
    private static UserId roundRobin(LiveQueue queue, List<Agent> candidates) {
        List<UserId> members = queue.members();
        int start = queue.lastOffered == null ? -1 : members.indexOf(queue.lastOffered);
        for (int step = 1; step <= members.size(); step++) {
            UserId next = members.get((start + step) % members.size());
            if (candidates.stream().anyMatch(a -> a.id.equals(next))) {
                return next;
            }
        }
        throw new IllegalStateException("candidates outside queue " + queue.name() + ": " + candidates);
    }

    /** Free the longest (since the end of wrap-up); ties go to the earlier member. */
    private static UserId longestIdle(List<Agent> candidates) {
        return candidates.stream().min(Comparator.comparing((Agent a) -> a.idleSince)).orElseThrow().id;
    }

    /** Fewest calls answered in this queue since the engine started; ties by longest idle. */
    private static UserId fewestCalls(LiveQueue queue, List<Agent> candidates) {
        return candidates.stream()
                .min(Comparator.comparingLong((Agent a) -> queue.answeredBy(a.id)).thenComparing(a -> a.idleSince))
                .orElseThrow().id;
    }
}
