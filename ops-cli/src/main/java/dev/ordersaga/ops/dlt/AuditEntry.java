package dev.ordersaga.ops.dlt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One record of the replay audit log ({@value ReplayAudit#TOPIC}): one dead letter's replay attempt, written
 * after the republished record was acknowledged (or failed). Its Kafka key is {@link #auditKey()}; its value is this
 * record as JSON.
 *
 * @param replayId    the run it belongs to; also in the replayed record's {@value ReplayHeaders#REPLAY_ID} header
 * @param operator    --operator, else $ORDERSAGA_OPERATOR, else $USER, else "unknown"
 * @param key         the dead letter's record key
 * @param targetTopic where it was republished, {@code null} when it had no original topic
 * @param error       why it failed, {@code null} when replayed
 */
record AuditEntry(UUID replayId, String operator, String host, Instant at, String dltTopic, int partition, long offset,
                  String targetTopic, String key, String messageType, String messageId, Result result, String error) {

    enum Result { REPLAYED, FAILED }

    static AuditEntry of(ReplayRun run, DeadLetter letter, String targetTopic, Result result, String error) {
        return new AuditEntry(run.replayId(), run.operator(), run.host(), run.clock().instant().truncatedTo(ChronoUnit.MILLIS), letter.topic(),
                letter.partition(), letter.offset(), targetTopic, letter.keyText(), letter.messageType(),
                letter.messageId(), result, error);
    }

    /** Its Kafka key, {@code <dltTopic>:<partition>:<offset>}: the same as {@link DeadLetter#auditKey()}. */
    String auditKey() {
        return dltTopic + ":" + partition + ":" + offset;
    }

    String deadLetterCoordinates() {
        return dltTopic + "-" + partition + "@" + offset;
    }
}
