package dev.ordersaga.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code messaging.*}: the library's settings, with defaults tuned for the local stack. */
@ConfigurationProperties("messaging")
public class MessagingProperties {

    /** Names the consumer group and the replication slot; defaults to spring.application.name. */
    private String serviceName;
    private final Topics topics = new Topics();
    private final Outbox outbox = new Outbox();
    private final Consumer consumer = new Consumer();
    private final Inbox inbox = new Inbox();
    private final Relay relay = new Relay();

    public String getServiceName() {
        return serviceName;
    }

    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    public Topics getTopics() {
        return topics;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public Inbox getInbox() {
        return inbox;
    }

    public Relay getRelay() {
        return relay;
    }

    public static class Topics {

        /** Create every topic and its dead-letter topic at start-up (idempotent). */
        private boolean create = true;
        /** Partitions of every topic; a dead-letter topic gets as many as its source. */
        private int partitions = 3;
        private short replicationFactor = 1;
        /**
         * The largest record every topic accepts (its {@code max.message.bytes}) and the relay may publish (its
         * {@code max.request.size}); dead-letter topics accept this plus room for the dead-letter headers.
         */
        private int maxMessageBytes = 1024 * 1024;

        public boolean isCreate() {
            return create;
        }

        public void setCreate(boolean create) {
            this.create = create;
        }

        public int getPartitions() {
            return partitions;
        }

        public void setPartitions(int partitions) {
            this.partitions = partitions;
        }

        public short getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(short replicationFactor) {
            this.replicationFactor = replicationFactor;
        }

        public int getMaxMessageBytes() {
            return maxMessageBytes;
        }

        public void setMaxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
        }
    }

    public static class Outbox {

        /**
         * The largest message (payload and headers, UTF-8 bytes) {@code Outbox.send} accepts; a larger one fails the
         * sender's transaction. At most half of {@code messaging.topics.max-message-bytes}, so whatever the outbox
         * accepts the relay can publish.
         */
        private int maxMessageBytes = 256 * 1024;

        public int getMaxMessageBytes() {
            return maxMessageBytes;
        }

        public void setMaxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
        }
    }

    public static class Consumer {

        /** Consumer group; defaults to the service name. */
        private String groupId;
        /** Listener threads per subscribed topic, at most its partition count. */
        private int concurrency = 1;
        /** Upper bound on one poll's transaction, which applies all its records. */
        private Duration transactionTimeout = Duration.ofSeconds(10);
        /**
         * Records one poll hands over, at most (Kafka's {@code max.poll.records}; an explicit
         * {@code spring.kafka.consumer.max-poll-records} wins). They are applied in one transaction, so this bounds
         * its length, and what a failing record sends back for redelivery.
         */
        private int maxPollRecords = 200;
        /**
         * How long the group waits for a consumer that stopped heart-beating (a crashed or killed service) before
         * its partitions move to another consumer or a restarted one. Kafka's default is 45 s; heartbeats are sent
         * every third of it from a background thread, so slow handlers do not count.
         */
        private Duration sessionTimeout = Duration.ofSeconds(10);
        private final Retry retry = new Retry();

        public String getGroupId() {
            return groupId;
        }

        public void setGroupId(String groupId) {
            this.groupId = groupId;
        }

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public Duration getTransactionTimeout() {
            return transactionTimeout;
        }

        public void setTransactionTimeout(Duration transactionTimeout) {
            this.transactionTimeout = transactionTimeout;
        }

        public int getMaxPollRecords() {
            return maxPollRecords;
        }

        public void setMaxPollRecords(int maxPollRecords) {
            this.maxPollRecords = maxPollRecords;
        }

        public Duration getSessionTimeout() {
            return sessionTimeout;
        }

        public void setSessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = sessionTimeout;
        }

        public Retry getRetry() {
            return retry;
        }
    }

    /**
     * Blocking, in-order retries of transient failures; after the last one the record is dead-lettered. The first
     * wait is short because the usual transient failure, a lock or serialization conflict, clears within
     * milliseconds, and a longer one lands in the latency's tail; later waits grow to the same maximum.
     */
    public static class Retry {

        private Duration initialInterval = Duration.ofMillis(15);
        private double multiplier = 4.0;
        private Duration maxInterval = Duration.ofSeconds(5);
        private int maxRetries = 6;

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        public int getMaxRetries() {
            return maxRetries;
        }

        public void setMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
        }
    }

    public static class Inbox {

        /** How long handled message ids are kept; must outlast any redelivery or replay horizon. */
        private Duration retention = Duration.ofDays(14);
        private Duration purgeInterval = Duration.ofHours(1);

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public Duration getPurgeInterval() {
            return purgeInterval;
        }

        public void setPurgeInterval(Duration purgeInterval) {
            this.purgeInterval = purgeInterval;
        }
    }

    public static class Relay {

        private boolean enabled = true;
        /** Replication slot; slots are per PostgreSQL cluster, so it defaults to {@code <service>_outbox}. */
        private String slotName;
        private String publicationName = "outbox_publication";
        /** How often the engine hands captured changes over; the main latency knob. */
        private Duration pollInterval = Duration.ofMillis(10);
        /** Keeps the slot's confirmed position moving on a quiet database so WAL does not pile up. */
        private Duration heartbeatInterval = Duration.ofSeconds(10);
        /** How often acknowledged positions are stored; a restart re-publishes at most this tail. */
        private Duration offsetFlushInterval = Duration.ofSeconds(1);
        private int maxBatchSize = 512;
        /** Wait between attempts to become the relay leader or to restart a failed engine. */
        private Duration retryInterval = Duration.ofSeconds(2);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getSlotName() {
            return slotName;
        }

        public void setSlotName(String slotName) {
            this.slotName = slotName;
        }

        public String getPublicationName() {
            return publicationName;
        }

        public void setPublicationName(String publicationName) {
            this.publicationName = publicationName;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public Duration getHeartbeatInterval() {
            return heartbeatInterval;
        }

        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        public Duration getOffsetFlushInterval() {
            return offsetFlushInterval;
        }

        public void setOffsetFlushInterval(Duration offsetFlushInterval) {
            this.offsetFlushInterval = offsetFlushInterval;
        }

        public int getMaxBatchSize() {
            return maxBatchSize;
        }

        public void setMaxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
        }

        public Duration getRetryInterval() {
            return retryInterval;
        }

        public void setRetryInterval(Duration retryInterval) {
            this.retryInterval = retryInterval;
        }
    }
}
