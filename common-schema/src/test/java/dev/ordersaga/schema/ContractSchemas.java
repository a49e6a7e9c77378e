package dev.ordersaga.schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Loads the contract's schemas and documents from the classpath, the way a consumer would. */
final class ContractSchemas {

    /** Jackson's defaults: fails on unknown properties, so a document with a stray field is caught. */
    static final ObjectMapper STRICT_JSON = new ObjectMapper();

    /** How consumers read: a field added by a newer producer is ignored. */
    static final ObjectMapper CONSUMER_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    // Draft 2020-12 makes "format" an annotation only; the contract relies on uuid being asserted.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private ContractSchemas() {
    }

    static JsonSchema schemaOf(MessageType type) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()), CONFIG);
    }

    static Set<ValidationMessage> validate(MessageType type, JsonNode document) {
        return schemaOf(type).validate(document);
    }

    /** The document exactly as it travels: serialized to text and parsed back. */
    static JsonNode serialize(Object message) {
        try {
            return STRICT_JSON.readTree(STRICT_JSON.writeValueAsString(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readResource(String path) {
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No classpath resource " + path);
            }
            return STRICT_JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the files in a resource directory of this module (tests run against target/classes). */
    static List<String> fileNamesIn(String directory) {
        URL url = ContractSchemas.class.getClassLoader().getResource(directory);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Resource directory " + directory + " is not on the file system: " + url);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
