package dev.ordersaga.schema;

import static dev.ordersaga.schema.ContractSchemas.STRICT_JSON;
import static dev.ordersaga.schema.ContractSchemas.fileNamesIn;
import static dev.ordersaga.schema.ContractSchemas.readResource;
import static dev.ordersaga.schema.ContractSchemas.serialize;
import static dev.ordersaga.schema.ContractSchemas.validate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.schema.intake.PlaceOrder;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples handed to producers must be valid, complete and readable by the service. */
class ExampleDocumentsTest {

    static List<String> exampleFiles() {
        return fileNamesIn("examples");
    }

    @Test
    void theProducerContractHasAnExampleForEveryIntakeRequest() {
        assertThat(exampleFiles()).contains("PlaceOrder.json", "CancelOrder.json");
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void exampleIsValidAgainstTheSchemaOfTheTypeItIsNamedAfter(String fileName) {
        MessageType type = typeNamedBy(fileName);

        assertThat(validate(type, readResource("examples/" + fileName))).isEmpty();
    }

    /** Read strictly, so a misspelt field in an example fails instead of being silently dropped. */
    @ParameterizedTest
    @MethodSource("exampleFiles")
    void exampleDeserializesIntoItsRecordWithoutLosingAField(String fileName) throws IOException {
        MessageType type = typeNamedBy(fileName);
        JsonNode example = readResource("examples/" + fileName);

        Message message = STRICT_JSON.treeToValue(example, type.javaType());

        assertThat(message).isInstanceOf(type.javaType());
        assertThat(serialize(message)).isEqualTo(example);
    }

    @Test
    void placeOrderExampleIsATwoLineOrder() throws IOException {
        PlaceOrder order = STRICT_JSON.treeToValue(readResource("examples/PlaceOrder.json"), PlaceOrder.class);

        assertThat(order.orderId()).isNotNull();
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.lines()).hasSize(2).allSatisfy(line -> {
            assertThat(line.quantity()).isPositive();
            assertThat(line.unitPrice()).isNotNegative();
        });
    }

    private static MessageType typeNamedBy(String fileName) {
        String typeName = fileName.replaceFirst("\\.json$", "");
        return MessageType.byName(typeName)
                .orElseThrow(() -> new AssertionError(fileName + " is not named after a message type"));
    }
}
