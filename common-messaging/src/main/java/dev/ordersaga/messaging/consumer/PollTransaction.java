package dev.ordersaga.messaging.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the deliveries of a poll in one transaction: one inbox statement for all of them, then each first
 * delivery in its own savepoint, in order (the first one applied needs none: if it fails, the transaction goes). When one fails, it is undone alone, the inbox forgets it and everything
 * behind it, and the records before it commit: a failed record costs its own rollback, not the poll's.
 */
final class PollTransaction {

    private static final Logger log = LoggerFactory.getLogger(PollTransaction.class);

    /** What became of the deliveries; those behind a failure are in neither list. */
    record Outcome(List<Delivery> applied, List<Delivery> duplicates, RecordFailure failure) {

        static Outcome nothing(RecordFailure failure) {
            return new Outcome(List.of(), List.of(), failure);
        }

        Outcome failingAt(RecordFailure later) {
            return failure != null ? this : new Outcome(applied, duplicates, later);
        }
    }

    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final RecordSavepoints savepoints;

    PollTransaction(Inbox inbox, TransactionTemplate transactions, RecordSavepoints savepoints) {
        this.inbox = inbox;
        this.transactions = transactions;
        this.savepoints = savepoints;
    }

    Outcome apply(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Outcome.nothing(null);
        }
        try {
            return transactions.execute(status -> applyAll(deliveries, status));
        } catch (LeftRollbackOnly failed) {
            // Nothing committed; the deliveries before the failed one succeeded, so they are applied again alone.
            return apply(deliveries.subList(0, failed.position)).failingAt(failed.failure);
        } catch (RuntimeException e) {
            // The inbox statement or the commit failed: nothing of the poll was applied.
            return Outcome.nothing(new RecordFailure(deliveries.get(0).index(), e));
        }
    }

    private Outcome applyAll(List<Delivery> deliveries, TransactionStatus status) {
        Set<UUID> recorded = inbox.recordFirstDeliveries(entries(deliveries));
        Set<UUID> appliedIds = new HashSet<>();
        List<Delivery> applied = new ArrayList<>();
        List<Delivery> duplicates = new ArrayList<>();
        for (int position = 0; position < deliveries.size(); position++) {
            Delivery delivery = deliveries.get(position);
            // Handled before, or a second copy in this very poll.
            if (!recorded.contains(delivery.messageId()) || appliedIds.contains(delivery.messageId())) {
                log.debug("Skipping {} {}: already handled", delivery.type().typeName(), delivery.messageId());
                duplicates.add(delivery);
                continue;
            }
            boolean first = applied.isEmpty();
            try {
                if (first) {
                    savepoints.unisolated(delivery::apply);
                } else {
                    savepoints.isolate(delivery::apply);
                }
            } catch (RuntimeException failure) {
                RecordFailure recordFailure = new RecordFailure(delivery.index(), failure);
                if (first || status.isRollbackOnly()) {
                    // The first record applied has no savepoint: nothing was applied before it, so the whole
                    // transaction goes, and with it the inbox rows of the poll. A JPA transaction marked by a failed
                    // flush or a failed @Transactional method cannot commit either, savepoint or not.
                    throw new LeftRollbackOnly(position, recordFailure);
                }
                inbox.forget(notApplied(deliveries.subList(position, deliveries.size()), recorded, appliedIds));
                return new Outcome(applied, duplicates, recordFailure);
            }
            if (status.isRollbackOnly()) {
                // The handler swallowed a failure that marked the transaction: as before, the record fails, and
                // the records before it must not fail with it.
                throw new LeftRollbackOnly(position, new RecordFailure(delivery.index(), new UnexpectedRollbackException(
                        delivery.type().typeName() + " " + delivery.messageId() + " left the transaction rollback-only")));
            }
            appliedIds.add(delivery.messageId());
            applied.add(delivery);
        }
        return new Outcome(applied, duplicates, null);
    }

    /** One entry per message id, the first copy's. */
    private static List<Inbox.Entry> entries(List<Delivery> deliveries) {
        Map<UUID, Inbox.Entry> entries = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            entries.putIfAbsent(delivery.messageId(), new Inbox.Entry(
                    delivery.messageId(), delivery.type().typeName(), delivery.record().topic()));
        }
        return List.copyOf(entries.values());
    }

    private static Set<UUID> notApplied(List<Delivery> rest, Set<UUID> recorded, Set<UUID> appliedIds) {
        Set<UUID> ids = new HashSet<>();
        for (Delivery delivery : rest) {
            if (recorded.contains(delivery.messageId()) && !appliedIds.contains(delivery.messageId())) {
                ids.add(delivery.messageId());
            }
        }
        return ids;
    }

    /** Rolls back the whole transaction, saying where the failure was. */
    private static final class LeftRollbackOnly extends RuntimeException {

        private final int position;
        private final RecordFailure failure;

        LeftRollbackOnly(int position, RecordFailure failure) {
            super("rolled back for " + failure.cause(), null, false, false);
            this.position = position;
            this.failure = failure;
        }
    }
}
