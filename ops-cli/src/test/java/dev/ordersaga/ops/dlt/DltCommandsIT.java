package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Cli;
import dev.ordersaga.ops.ExitCodes;
import dev.ordersaga.ops.Json;
import dev.ordersaga.ops.dlt.DeadLetterSeeder.CannotAcquireLockException;
import dev.ordersaga.ops.dlt.DeadLetterSeeder.Original;
import dev.ordersaga.ops.dlt.DeadLetterSeeder.PoisonMessageException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dlt commands against a real broker, on dead letters written by Spring Kafka's own recoverer. Each test has
 * its own topics (and so its own part of the shared audit log).
 */
class DltCommandsIT {

    private static final String ORDER_A = "aaaaaaaa-0000-4000-8000-00000000000a";
    private static final String ORDER_B = "bbbbbbbb-0000-4000-8000-00000000000b";
    private static final String ORDER_C = "cccccccc-0000-4000-8000-00000000000c";
    private static final String ORDER_D = "dddddddd-0000-4000-8000-00000000000d";
    private static final String ORDER_E = "eeeeeeee-0000-4000-8000-00000000000e";
    private static final String POISON = PoisonMessageException.class.getName();
    private static final String LOCK = CannotAcquireLockException.class.getName();

    /** When the first dead letter was written; the others follow a minute apart. */
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
    private final String source = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".requests";
    private final String dlt = source + "-dlt";
    private final List<Original> originals = new ArrayList<>();
    private final Cli cli = Cli.at(start.plus(10, ChronoUnit.MINUTES));
    private DeadLetterSeeder seeder;

    /**
     * Five dead letters over three partitions: 0@0 A PlaceOrder poison, 0@1 B CancelOrder no handler, 1@0 C
     * PlaceOrder with bytes that are not UTF-8, 1@1 keyed by customer with D in the payload and a lock timeout,
     * 2@0 E PlaceOrder poison.
     */
    @BeforeEach
    void seedDeadLetters() throws Exception {
        seeder = new DeadLetterSeeder(SharedKafka.bootstrapServers());
        seeder.createTopics(3, source);
        seed(0, 10, ORDER_A, placeOrder(ORDER_A), "PlaceOrder", new PoisonMessageException("Value is not a valid PlaceOrder document"), 0);
        seed(0, 11, ORDER_B, json(ORDER_B), "CancelOrder", new IllegalStateException("No handler for CancelOrder"), 1);
        seed(1, 20, ORDER_C, new byte[] {(byte) 0xff, (byte) 0xfe, 'x', 0}, "PlaceOrder",
                new PoisonMessageException("Value is not JSON"), 2);
        seed(1, 21, "customer-0007", placeOrder(ORDER_D), "PlaceOrder", new CannotAcquireLockException("lock timeout"), 3);
        seed(2, 30, ORDER_E, placeOrder(ORDER_E), "PlaceOrder", new PoisonMessageException("Value is not a valid PlaceOrder document"), 4);
    }

    @AfterEach
    void closeSeeder() {
        seeder.close();
    }

    @Test
    void listCountsTheDeadLettersAndGroupsThemByTheirRealCause() throws Exception {
        Cli.Result text = run("dlt", "list", "--topic", dlt);
        Cli.Result json = run("dlt", "list", "--json");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out())
                .containsPattern(dlt + " +5 +" + start + " +" + start.plus(4, ChronoUnit.MINUTES) + "\n")
                .containsPattern(dlt + " +" + java.util.regex.Pattern.quote(POISON) + " +3\n")
                .containsPattern(dlt + " +" + java.util.regex.Pattern.quote(LOCK) + " +1\n")
                .containsPattern(dlt + " +java.lang.IllegalStateException +1\n");
        JsonNode mine = find(Json.mapper().readTree(json.out()), "topic", dlt);
        assertThat(mine.path("records").asLong()).isEqualTo(5);
        assertThat(mine.path("oldest").asText()).isEqualTo(start.toString());
        assertThat(mine.path("newest").asText()).isEqualTo(start.plus(4, ChronoUnit.MINUTES).toString());
        assertThat(mine.path("exceptions").toString()).isEqualTo(
                "{\"" + POISON + "\":3,\"" + LOCK + "\":1,\"java.lang.IllegalStateException\":1}");
        assertThat(Json.mapper().readTree(json.out()).findValuesAsText("topic"))
                .as("only dead-letter topics").allMatch(topic -> topic.endsWith("-dlt"));
    }

    @Test
    void showPrintsEachSelectedDeadLetterInFull() {
        Cli.Result result = run("dlt", "show", "--topic", dlt, "--partition", "1", "--headers", "--stacktrace");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(dlt + "-1@0  dead-lettered " + start.plus(2, ChronoUnit.MINUTES))
                .contains("original   " + source + "-1@20  " + start.plus(2, ChronoUnit.MINUTES).minusSeconds(1)
                        + "  group " + DeadLetterSeeder.CONSUMER_GROUP)
                .contains("key        " + ORDER_C, "type       PlaceOrder", "exception  " + POISON,
                        "message    Listener failed; Value is not JSON")
                .contains("payload (not JSON, 4 bytes, escaped):\n    \\xff\\xfex\\u0000\n")
                .contains("  stack trace:\n    org.springframework.kafka.listener.ListenerExecutionFailedException: Listener failed")
                .contains("    kafka_dlt-original-offset: 20\n", "    kafka_dlt-exception-cause-fqcn: " + POISON + "\n")
                .contains(dlt + "-1@1  dead-lettered", "key        customer-0007", "exception  " + LOCK,
                        "payload (JSON):\n    {\n      \"orderId\" : \"" + ORDER_D + "\",")
                .endsWith("2 dead letters\n")
                .doesNotContain(dlt + "-0@", dlt + "-2@");
    }

    @Test
    void eachFilterSelectsExactlyWhatItNames() {
        assertThat(shown("--partition", "1")).containsExactly("1@0", "1@1");
        assertThat(shown("--from-offset", "1")).containsExactly("0@1", "1@1");
        assertThat(shown("--to-offset", "0")).containsExactly("0@0", "1@0", "2@0");
        assertThat(shown("--partition", "0", "--from-offset", "1", "--to-offset", "1")).containsExactly("0@1");
        assertThat(shown("--since", at(1).toString(), "--until", at(3).toString())).containsExactly("0@1", "1@0", "1@1");
        assertThat(shown("--since", "PT8M")).as("the clock says start + 10 min").containsExactly("1@0", "1@1", "2@0");
        assertThat(shown("--until", "9m")).containsExactly("0@0", "0@1");
        assertThat(shown("--key", "customer-0007")).containsExactly("1@1");
        assertThat(shown("--order-id", ORDER_A)).as("in the key").containsExactly("0@0");
        assertThat(shown("--order-id", ORDER_D)).as("in the payload").containsExactly("1@1");
        assertThat(shown("--exception", "poison")).containsExactly("0@0", "1@0", "2@0");
        assertThat(shown("--exception", "IllegalState")).containsExactly("0@1");
        assertThat(shown("--type", "CancelOrder")).containsExactly("0@1");
        assertThat(shown("--type", "PlaceOrder", "--exception", "Lock")).containsExactly("1@1");
        assertThat(shown("--limit", "2")).containsExactly("0@0", "0@1");
    }

    @Test
    void replayRepublishesToTheOriginalTopicWithOriginalKeyValueAndHeadersPlusProvenance() throws Exception {
        Cli.Result result = run("dlt", "replay", "--topic", dlt, "--operator", "alice");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).endsWith("5 replayed, 0 skipped (already replayed), 0 failed\n");
        List<ConsumerRecord<byte[], byte[]>> replayed = TopicContents.of(source);
        assertThat(replayed).hasSize(5);
        Set<String> replayIds = new java.util.HashSet<>();
        for (Original original : originals) {
            ConsumerRecord<byte[], byte[]> record = replayed.stream()
                    .filter(r -> original.messageId().toString().equals(header(r, "message-id")))
                    .findFirst().orElseThrow();
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(original.key());
            assertThat(record.value()).isEqualTo(original.value());
            assertThat(header(record, "message-type")).isEqualTo(original.messageType());
            assertThat(header(record, "schema-version")).isEqualTo("1");
            assertThat(header(record, "traceparent")).isEqualTo(header(original.headers().lastHeader("traceparent")));
            assertThat(header(record, ReplayHeaders.REPLAYED_FROM_TOPIC)).isEqualTo(dlt);
            assertThat(header(record, ReplayHeaders.REPLAYED_FROM_PARTITION)).isEqualTo(Integer.toString(original.partition()));
            assertThat(header(record, ReplayHeaders.REPLAYED_FROM_OFFSET)).isEqualTo(Long.toString(dltOffsetOf(original)));
            assertThat(record.headers().toArray()).extracting(Header::key).noneMatch(key -> key.startsWith("kafka_dlt-"));
            replayIds.add(header(record, ReplayHeaders.REPLAY_ID));
        }
        assertThat(replayIds).hasSize(1);

        JsonNode audit = Json.mapper().readTree(run("dlt", "audit", "--topic", dlt, "--json").out());
        assertThat(audit).hasSize(5);
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry.path("result").asText()).isEqualTo("REPLAYED");
            assertThat(entry.path("operator").asText()).isEqualTo("alice");
            assertThat(entry.path("host").asText()).isEqualTo("test-host");
            assertThat(entry.path("replayId").asText()).isEqualTo(replayIds.iterator().next());
            assertThat(entry.path("targetTopic").asText()).isEqualTo(source);
            assertThat(entry.path("error").isNull()).isTrue();
        });
        assertThat(audit.findValuesAsText("key")).containsExactly(ORDER_A, ORDER_B, ORDER_C, "customer-0007", ORDER_E);
        assertThat(run("dlt", "audit", "--topic", dlt).out()).contains("alice", "test-host", dlt + "-1@1", source, "REPLAYED");
    }

    @Test
    void theAuditLogIsKeyedByDeadLetterAndSaysWhoReplayedWhat() {
        run("dlt", "replay", "--topic", dlt, "--type", "CancelOrder");

        List<ConsumerRecord<byte[], byte[]>> log = TopicContents.of(ReplayAudit.TOPIC).stream()
                .filter(record -> new String(record.key(), StandardCharsets.UTF_8).startsWith(dlt + ":"))
                .toList();

        assertThat(log).singleElement().satisfies(record -> {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(dlt + ":0:1");
            JsonNode entry = Json.mapper().readTree(record.value());
            assertThat(entry.fieldNames()).toIterable().containsExactly("replayId", "operator", "host", "at", "dltTopic",
                    "partition", "offset", "targetTopic", "key", "messageType", "messageId", "result", "error");
            assertThat(entry.path("operator").asText()).as("$USER of the test context").isEqualTo("tester");
            assertThat(entry.path("at").asText()).isEqualTo(at(10).toString());
            assertThat(entry.path("messageType").asText()).isEqualTo("CancelOrder");
            assertThat(entry.path("messageId").asText()).isEqualTo(originals.get(1).messageId().toString());
        });
    }

    @Test
    void dryRunPrintsWhatWouldBeSentAndNeitherSendsNorAudits() throws Exception {
        Cli.Result result = run("dlt", "replay", "--topic", dlt, "--dry-run", "--exception", "poison");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Dry run: nothing is sent and nothing is audited.\nDEAD LETTER")
                .contains(dlt + "-0@0  " + ORDER_A + "  PlaceOrder  " + source + "\n")
                .contains(dlt + "-1@0  " + ORDER_C + "  PlaceOrder  " + source + "\n")
                .contains(dlt + "-2@0  " + ORDER_E + "  PlaceOrder  " + source + "\n")
                .endsWith("3 would be replayed, 0 skipped (already replayed), 0 refused\n")
                .doesNotContain(dlt + "-0@1", dlt + "-1@1");
        assertThat(TopicContents.of(source)).isEmpty();
        assertThat(Json.mapper().readTree(run("dlt", "audit", "--topic", dlt, "--json").out())).isEmpty();
    }

    @Test
    void aSecondRunSkipsWhatWasReplayedAndForceReplaysItAgain() {
        Cli.Result first = run("dlt", "replay", "--topic", dlt, "--type", "CancelOrder");
        Cli.Result second = run("dlt", "replay", "--topic", dlt, "--type", "CancelOrder");
        Cli.Result dryRun = run("dlt", "replay", "--topic", dlt, "--type", "CancelOrder", "--dry-run");

        assertThat(first.out()).endsWith("1 replayed, 0 skipped (already replayed), 0 failed\n");
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).endsWith("0 replayed, 1 skipped (already replayed), 0 failed\n");
        assertThat(dryRun.out()).contains(dlt + "-0@1  already replayed").endsWith("0 would be replayed, 1 skipped (already replayed), 0 refused\n");
        assertThat(TopicContents.of(source)).hasSize(1);

        Cli.Result forced = run("dlt", "replay", "--topic", dlt, "--type", "CancelOrder", "--force");

        assertThat(forced.out()).endsWith("1 replayed, 0 skipped (already replayed), 0 failed\n");
        assertThat(TopicContents.of(source)).hasSize(2);
    }

    @Test
    void aRunStoppedPartWayIsResumedByRunningItAgain() {
        Cli.Result partial = run("dlt", "replay", "--topic", dlt, "--limit", "2");
        Cli.Result rest = run("dlt", "replay", "--topic", dlt);

        assertThat(partial.out()).endsWith("2 replayed, 0 skipped (already replayed), 0 failed\n");
        assertThat(rest.out()).endsWith("3 replayed, 2 skipped (already replayed), 0 failed\n");
        assertThat(replayedCoordinates()).containsExactlyInAnyOrder("0@0", "0@1", "1@0", "1@1", "2@0");
    }

    @Test
    void ctrlCStopsAfterTheRecordInFlightAndSaysHowToResume() {
        Cli.Result interrupted = cli.ctrlCDuringItem(2).run("dlt", "replay", "--topic", dlt,
                "--bootstrap-servers", SharedKafka.bootstrapServers());

        assertThat(interrupted.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(interrupted.out()).endsWith("2 replayed, 0 skipped (already replayed), 0 failed, 3 not attempted\n");
        assertThat(interrupted.err()).isEqualTo("interrupted; run the same command again to resume\n");
        assertThat(replayedCoordinates()).containsExactly("0@0", "0@1");

        Cli.Result resumed = run("dlt", "replay", "--topic", dlt);

        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.out()).endsWith("3 replayed, 2 skipped (already replayed), 0 failed\n");
        assertThat(replayedCoordinates()).containsExactlyInAnyOrder("0@0", "0@1", "1@0", "1@1", "2@0");
    }

    @Test
    void aPersonWatchingSeesAProgressBarOnStderr() {
        Cli.Result result = cli.watched().run("dlt", "replay", "--topic", dlt, "--rate", "50",
                "--bootstrap-servers", SharedKafka.bootstrapServers());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).startsWith("\r[").contains("\r[##############################] 5/5  skipped 0  failed 0");
        assertThat(result.out()).doesNotContain("\r");
    }

    @Test
    void aTargetTopicThatDoesNotExistIsRefusedCountedAsFailedAndAudited() throws Exception {
        String gone = source.replace(".requests", ".gone");
        seeder.createDeadLetterTopicOnly(gone);
        seeder.deadLetter(new Original(gone, 0, 3, ORDER_A, placeOrder(ORDER_A), "PlaceOrder", UUID.randomUUID()),
                new IllegalStateException("No handler"), at(5));

        Cli.Result result = run("dlt", "replay", "--topic", gone + "-dlt");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).endsWith("0 replayed, 0 skipped (already replayed), 1 failed\n");
        assertThat(result.err()).isEqualTo("failed " + gone + "-dlt-0@0 -> " + gone + ": refused: target topic " + gone
                + " does not exist\n");
        JsonNode audit = Json.mapper().readTree(run("dlt", "audit", "--topic", gone + "-dlt", "--json").out());
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.path("result").asText()).isEqualTo("FAILED");
            assertThat(entry.path("error").asText()).isEqualTo("refused: target topic " + gone + " does not exist");
        });
    }

    @Test
    void anUnknownTopicOrPartitionIsExitThreeNamingIt() {
        for (String command : List.of("show", "replay", "list")) {
            Cli.Result result = run("dlt", command, "--topic", "no-such-topic-dlt");

            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(result.err()).as(command).isEqualTo("error: no such topic: no-such-topic-dlt\n");
        }
        Cli.Result partition = run("dlt", "show", "--topic", dlt, "--partition", "7");

        assertThat(partition.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(partition.err()).isEqualTo("error: no such partition: " + dlt + "-7 (the topic has 3)\n");
    }

    @Test
    void anUnreachableBrokerIsExitOneWithinTheTimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Cli.Result result = cli.run("dlt", "replay", "--topic", dlt, "--bootstrap-servers", "localhost:" + closedPort,
                "--timeout", "2s");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).isEqualTo("error: cannot reach Kafka at localhost:" + closedPort + " within 2s\n");
        assertThat(result.out()).isEmpty();
    }

    private Cli.Result run(String... args) {
        List<String> withBroker = new ArrayList<>(List.of(args));
        withBroker.addAll(List.of("--bootstrap-servers", SharedKafka.bootstrapServers()));
        return cli.run(withBroker.toArray(String[]::new));
    }

    /** The dead letters {@code dlt show} selects, as {@code partition@offset}. */
    private List<String> shown(String... filters) {
        List<String> args = new ArrayList<>(List.of("dlt", "show", "--topic", dlt, "--json"));
        args.addAll(List.of(filters));
        Cli.Result result = run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        try {
            return StreamSupport.stream(Json.mapper().readTree(result.out()).spliterator(), false)
                    .map(letter -> letter.path("partition").asInt() + "@" + letter.path("offset").asLong())
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(result.toString(), e);
        }
    }

    /** The dead letters the source topic now holds replays of, as {@code partition@offset} in the dead-letter topic. */
    private List<String> replayedCoordinates() {
        return TopicContents.of(source).stream()
                .map(record -> header(record, ReplayHeaders.REPLAYED_FROM_PARTITION) + "@" + header(record, ReplayHeaders.REPLAYED_FROM_OFFSET))
                .sorted()
                .collect(Collectors.toList());
    }

    private void seed(int partition, long offset, String key, byte[] value, String type, RuntimeException failure, int minute) {
        Original original = new Original(source, partition, offset, key, value, type, UUID.randomUUID());
        originals.add(original);
        seeder.deadLetter(original, failure, at(minute));
    }

    /** Dead letters land on the original's partition, in the order they were seeded. */
    private long dltOffsetOf(Original original) {
        return originals.stream().filter(o -> o.partition() == original.partition()).toList().indexOf(original);
    }

    private Instant at(int minute) {
        return start.plus(minute, ChronoUnit.MINUTES);
    }

    private static byte[] placeOrder(String orderId) {
        return ("{\"orderId\":\"" + orderId + "\",\"customerId\":\"customer-0001\",\"currency\":\"EUR\","
                + "\"lines\":[{\"sku\":\"SKU-0001\",\"quantity\":2,\"unitPrice\":4999}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(String orderId) {
        return ("{\"orderId\":\"" + orderId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return header(record.headers().lastHeader(name));
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }
}
