package dev.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

class PermanentSendFailuresTest {

    @Test
    void aRecordTooLargeUnserializableOnAnInvalidTopicOrRefusedByTheTopicIsPermanent() {
        assertThat(PermanentSendFailures.isPermanent(new RecordTooLargeException("too large"))).isTrue();
        assertThat(PermanentSendFailures.isPermanent(new SerializationException("cannot serialize"))).isTrue();
        assertThat(PermanentSendFailures.isPermanent(new InvalidTopicException("bad name"))).isTrue();
        assertThat(PermanentSendFailures.isPermanent(new InvalidRecordException("refused by the topic"))).isTrue();
    }

    /** An outage or a deployment mistake passes or gets fixed: the batch is retried, nothing is parked. */
    @Test
    void outagesAndDeploymentMistakesAreNot() {
        assertThat(PermanentSendFailures.isPermanent(new TimeoutException("no leader"))).isFalse();
        assertThat(PermanentSendFailures.isPermanent(new NotEnoughReplicasException("1 of 3 in sync"))).isFalse();
        assertThat(PermanentSendFailures.isPermanent(new UnknownTopicOrPartitionException("no such topic"))).isFalse();
        assertThat(PermanentSendFailures.isPermanent(new TopicAuthorizationException("not allowed"))).isFalse();
    }
}
