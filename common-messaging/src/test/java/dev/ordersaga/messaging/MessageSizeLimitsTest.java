package dev.ordersaga.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.infra.KafkaServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageSizeLimitsTest {

    private final MessageSizeLimits defaults = MessageSizeLimits.of(new MessagingProperties());

    @Test
    void defaultsLeaveTheOutboxAQuarterOfWhatATopicAcceptsAndDeadLettersRoomForTheirHeaders() {
        assertThat(defaults.outboxMaxMessageBytes()).isEqualTo(256 * 1024);
        assertThat(defaults.topicMaxMessageBytes()).isEqualTo(1024 * 1024);
        assertThat(defaults.deadLetterMaxMessageBytes()).isEqualTo(1024 * 1024 + 64 * 1024);
    }

    @Test
    void refusesToStartWithAnOutboxLimitTheRelayCouldNotAlwaysPublish() {
        MessagingProperties properties = new MessagingProperties();
        properties.getOutbox().setMaxMessageBytes(600 * 1024);

        assertThatThrownBy(() -> MessageSizeLimits.of(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messaging.outbox.max-message-bytes (614400)")
                .hasMessageContaining("half of messaging.topics.max-message-bytes (1048576)");
    }

    @Test
    void acceptsAnOutboxLimitOfExactlyHalfTheTopicLimit() {
        MessagingProperties properties = new MessagingProperties();
        properties.getTopics().setMaxMessageBytes(2 * 1024 * 1024);
        properties.getOutbox().setMaxMessageBytes(1024 * 1024);

        assertThat(MessageSizeLimits.of(properties).outboxMaxMessageBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void refusesANonPositiveOutboxLimit() {
        MessagingProperties properties = new MessagingProperties();
        properties.getOutbox().setMaxMessageBytes(0);

        assertThatThrownBy(() -> MessageSizeLimits.of(properties)).hasMessageContaining("must be positive");
    }

    /** A topic created without the library's explicit limit still takes a full-size dead letter. */
    @Test
    void theEmbeddedBrokerAndTheComposeBrokerAcceptTheLargestDeadLetter() throws IOException {
        assertThat(KafkaServer.MESSAGE_MAX_BYTES).isEqualTo(defaults.deadLetterMaxMessageBytes());
        String compose = Files.readString(Path.of("..", "docker-compose.yml"));
        Matcher brokerLimit = Pattern.compile("KAFKA_MESSAGE_MAX_BYTES: \"(\\d+)\"").matcher(compose);
        assertThat(brokerLimit.find()).as("docker-compose.yml sets KAFKA_MESSAGE_MAX_BYTES").isTrue();
        assertThat(Integer.parseInt(brokerLimit.group(1))).isEqualTo(defaults.deadLetterMaxMessageBytes());
    }
}
