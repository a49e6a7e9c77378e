package dev.ordersaga.schema;

import static dev.ordersaga.schema.ContractSchemas.STRICT_JSON;
import static dev.ordersaga.schema.ContractSchemas.fileNamesIn;
import static dev.ordersaga.schema.ContractSchemas.readResource;
import static dev.ordersaga.schema.ContractSchemas.schemaOf;
import static dev.ordersaga.schema.ContractSchemas.serialize;
import static dev.ordersaga.schema.ContractSchemas.validate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageSchemaTest {

    @Test
    void everyMessageTypeHasASample() {
        assertThat(SampleMessages.all().keySet()).containsExactlyInAnyOrder(MessageType.values());
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void sampleSerializesToADocumentValidAgainstItsSchema(MessageType type) {
        JsonNode document = serialize(SampleMessages.of(type));

        assertThat(validate(type, document)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void sampleSurvivesAJsonRoundTrip(MessageType type) throws JsonProcessingException {
        Message sample = SampleMessages.of(type);

        Message read = STRICT_JSON.readValue(STRICT_JSON.writeValueAsString(sample), type.javaType());

        assertThat(read).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void schemaParsesAndNamesItsType(MessageType type) {
        JsonNode schema = readResource(type.schemaResource());

        assertThat(schemaOf(type)).isNotNull();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText())
                .isEqualTo("https://ordersaga.dev/schemas/" + type.typeName() + ".v1.json");
        assertThat(schema.path("title").asText()).isEqualTo(type.typeName());
        assertThat(schema.path("description").asText()).contains(type.topic());
        assertThat(schema.path("type").asText()).isEqualTo("object");
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void schemaToleratesFieldsAddedByANewerProducer(MessageType type) {
        JsonNode schema = readResource(type.schemaResource());

        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").booleanValue()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void schemaDeclaresExactlyTheRecordsFields(MessageType type) {
        JsonNode properties = readResource(type.schemaResource()).path("properties");

        List<String> recordFields = Arrays.stream(type.javaType().getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertThat(fieldNames(properties)).containsExactlyInAnyOrderElementsOf(recordFields);
    }

    /** A field may be left out only where its schema admits null; everything else must be present. */
    @ParameterizedTest
    @EnumSource(MessageType.class)
    void schemaRequiresEveryFieldThatIsNotNullable(MessageType type) {
        JsonNode schema = readResource(type.schemaResource());

        Set<String> nonNullable = schema.path("properties").properties().stream()
                .filter(property -> !admitsNull(property.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(textValues(schema.path("required"))).containsExactlyInAnyOrderElementsOf(nonNullable);
    }

    @Test
    void everySchemaFileBelongsToAMessageType() {
        List<String> expected = Arrays.stream(MessageType.values())
                .map(type -> type.schemaResource().substring("schemas/".length()))
                .toList();

        assertThat(fileNamesIn("schemas")).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Money is inlined per schema so each file stands alone; this keeps the copies from drifting apart. */
    @Test
    void moneyIsDefinedIdenticallyInEverySchemaThatUsesIt() {
        List<JsonNode> moneyDefinitions = Arrays.stream(MessageType.values())
                .map(type -> readResource(type.schemaResource()).path("$defs").path("Money"))
                .filter(definition -> !definition.isMissingNode())
                .toList();

        assertThat(moneyDefinitions).hasSizeGreaterThanOrEqualTo(5);
        assertThat(new HashSet<>(moneyDefinitions)).hasSize(1);
    }

    private static boolean admitsNull(JsonNode property) {
        JsonNode type = property.path("type");
        return type.isArray() && textValues(type).contains("null");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static List<String> textValues(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
