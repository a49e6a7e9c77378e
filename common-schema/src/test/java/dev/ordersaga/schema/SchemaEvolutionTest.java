package dev.ordersaga.schema;

import static dev.ordersaga.schema.ContractSchemas.CONSUMER_JSON;
import static dev.ordersaga.schema.ContractSchemas.STRICT_JSON;
import static dev.ordersaga.schema.ContractSchemas.serialize;
import static dev.ordersaga.schema.ContractSchemas.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ordersaga.schema.intake.PlaceOrder;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A document from a newer producer, which added fields, must stay valid and readable for a v1 consumer. */
class SchemaEvolutionTest {

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void documentWithAFieldAddedLaterIsStillValidAgainstTheV1Schema(MessageType type) {
        ObjectNode newer = withAddedField(SampleMessages.of(type));

        assertThat(validate(type, newer)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void v1ReaderReadsADocumentWithAFieldAddedLater(MessageType type) throws IOException {
        Message sample = SampleMessages.of(type);

        Message read = CONSUMER_JSON.treeToValue(withAddedField(sample), type.javaType());

        assertThat(read).isEqualTo(sample);
    }

    @Test
    void fieldsAddedInsideNestedObjectsAreToleratedToo() throws IOException {
        ObjectNode newer = withAddedField(SampleMessages.PLACE_ORDER);
        ((ObjectNode) newer.get("lines").get(0)).put("giftWrap", true);

        assertThat(validate(MessageType.PLACE_ORDER, newer)).isEmpty();
        assertThat(CONSUMER_JSON.treeToValue(newer, PlaceOrder.class)).isEqualTo(SampleMessages.PLACE_ORDER);
    }

    /** Why consumers must disable FAIL_ON_UNKNOWN_PROPERTIES: Jackson's default reader breaks on a newer document. */
    @Test
    void readerWithJacksonDefaultsRejectsAFieldAddedLater() {
        ObjectNode newer = withAddedField(SampleMessages.PLACE_ORDER);

        assertThatThrownBy(() -> STRICT_JSON.treeToValue(newer, PlaceOrder.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("addedInV2");
    }

    private static ObjectNode withAddedField(Message message) {
        ObjectNode document = (ObjectNode) serialize(message);
        document.putObject("addedInV2").put("channel", "mobile-app");
        return document;
    }
}
