package dev.ordersaga.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a request document through both judges: the published JSON Schema, as a producer would validate it,
 * and this service's code path (the messaging library's strict decoding, then the validator). The schema is
 * used with the validator library's defaults for draft 2020-12, where {@code format} is an annotation only,
 * so every rule must be stated by an asserting keyword.
 *
 * @param <T> the request type
 */
public final class SchemaAgreement<T extends Message> {

    /** How a producer's tooling parses the document: Jackson's defaults, numbers kept as written (2.0 a double). */
    private static final ObjectMapper PRODUCER_JSON = new ObjectMapper();
    private static final MessageCodec CODEC = new MessageCodec();

    private final MessageType type;
    private final JsonSchema schema;
    private final Function<T, List<?>> validator;

    public SchemaAgreement(MessageType type, Function<T, List<?>> validator) {
        this.type = type;
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:" + type.schemaResource()));
        this.validator = validator;
    }

    /** The published schema's text, as a tree. */
    public JsonNode schemaDocument() {
        return schema.getSchemaNode();
    }

    public boolean schemaAccepts(String document) {
        try {
            return schema.validate(PRODUCER_JSON.readTree(document)).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public boolean codeAccepts(String document) {
        T request;
        try {
            request = (T) CODEC.decode(document.getBytes(StandardCharsets.UTF_8), type.javaType());
        } catch (IOException e) {
            return false;
        }
        return validator.apply(request).isEmpty();
    }

    /** Both judges give the case's verdict. */
    public void assertBothJudge(Case testCase) {
        assertThat(schemaAccepts(testCase.document())).as("the schema on %s", testCase).isEqualTo(testCase.valid());
        assertThat(codeAccepts(testCase.document())).as("the code on %s", testCase).isEqualTo(testCase.valid());
    }

    /**
     * A boundary document and whether the contract allows it.
     *
     * @param name     what it tries, for the report
     * @param document the JSON text, exactly as a producer would send it
     * @param valid    whether the contract allows it
     */
    public record Case(String name, String document, boolean valid) {

        public static Case valid(String name, String document) {
            return new Case(name, document, true);
        }

        public static Case invalid(String name, String document) {
            return new Case(name, document, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
