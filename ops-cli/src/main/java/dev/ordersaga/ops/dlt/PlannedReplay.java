package dev.ordersaga.ops.dlt;

import dev.ordersaga.schema.Topics;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What a replay run does with one selected dead letter, decided before anything is sent. */
record PlannedReplay(DeadLetter letter, Action action, String target, String reason) {

    enum Action {
        /** Republish to {@link #target()}. */
        SEND,
        /** An earlier run replayed it (the audit log says so) and --force was not given. */
        SKIP,
        /** It cannot go anywhere safe: {@link #reason()} says why. Counted as failed. */
        REFUSE
    }

    static List<PlannedReplay> plan(Collection<DeadLetter> letters, Set<String> alreadyReplayed, boolean force,
                                    Set<String> existingTopics) {
        return letters.stream().map(letter -> plan(letter, alreadyReplayed, force, existingTopics)).toList();
    }

    private static PlannedReplay plan(DeadLetter letter, Set<String> alreadyReplayed, boolean force,
                                      Set<String> existingTopics) {
        String target = letter.originalTopic();
        if (target == null || target.isBlank()) {
            return new PlannedReplay(letter, Action.REFUSE, null, "no " + DeadLetterHeaders.ORIGINAL_TOPIC + " header");
        }
        if (target.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            return new PlannedReplay(letter, Action.REFUSE, target, "target " + target + " is itself a dead-letter topic");
        }
        if (!existingTopics.contains(target)) {
            return new PlannedReplay(letter, Action.REFUSE, target, "target topic " + target + " does not exist");
        }
        if (!force && alreadyReplayed.contains(letter.auditKey())) {
            return new PlannedReplay(letter, Action.SKIP, target, "already replayed");
        }
        return new PlannedReplay(letter, Action.SEND, target, null);
    }
}
