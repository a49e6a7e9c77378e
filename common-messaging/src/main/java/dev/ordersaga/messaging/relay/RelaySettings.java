package dev.ordersaga.messaging.relay;

import dev.ordersaga.messaging.MessagingProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;

/**
 * The relay's resolved settings.
 *
 * @param serviceName         names the Debezium topic prefix and the Kafka client id
 * @param slotName            the replication slot, unique in the PostgreSQL cluster
 * @param publicationName     the publication of the outbox and heartbeat tables
 * @param pollInterval        how often the engine hands captured changes over
 * @param heartbeatInterval   how often the heartbeat query moves the slot on a quiet database
 * @param offsetFlushInterval how often acknowledged positions are stored
 * @param maxBatchSize        most change events handed over at once
 * @param retryInterval       wait between leadership attempts and engine restarts
 */
record RelaySettings(String serviceName, String slotName, String publicationName, Duration pollInterval,
                     Duration heartbeatInterval, Duration offsetFlushInterval, int maxBatchSize,
                     Duration retryInterval) {

    private static final int MAX_IDENTIFIER_LENGTH = 63;

    static RelaySettings of(MessagingProperties properties) {
        MessagingProperties.Relay relay = properties.getRelay();
        String slot = relay.getSlotName() != null ? relay.getSlotName() : properties.getServiceName() + "_outbox";
        return new RelaySettings(properties.getServiceName(), slotName(slot), relay.getPublicationName(),
                relay.getPollInterval(), relay.getHeartbeatInterval(), relay.getOffsetFlushInterval(),
                relay.getMaxBatchSize(), relay.getRetryInterval());
    }

    /** PostgreSQL accepts only lower-case letters, digits and underscores in a slot name, at most 63 of them. */
    static String slotName(String name) {
        String sanitized = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return sanitized.length() > MAX_IDENTIFIER_LENGTH ? sanitized.substring(0, MAX_IDENTIFIER_LENGTH) : sanitized;
    }

    /** Debezium's logical server name; it only prefixes topics the relay never writes to. */
    String topicPrefix() {
        return serviceName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The advisory lock key of this slot's leader: the same in every replica and every release. */
    long leaderLockKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("outbox-relay:" + slotName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
