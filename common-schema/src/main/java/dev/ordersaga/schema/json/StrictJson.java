package dev.ordersaga.schema.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.UUID;

/**
 * The reading rules of every contract document, on every topic (internal ones too) and on REST: a value is
 * read as what it is written as, never coerced, and a document has bounds.
 *
 * <ul>
 *   <li>An integer field takes a JSON integer literal only: {@code 49.99}, {@code 2.0}, {@code 1e3},
 *       {@code "2"} and {@code true} do not bind (Jackson would read them as 49, 2, 1000, 2 and 1).</li>
 *   <li>A string field takes a JSON string only, not a number or a boolean; a UUID only in its 36-character
 *       form; no type takes an empty string as null.</li>
 *   <li>A duplicate field name, or anything after the document, makes it unreadable.</li>
 *   <li>Limits: {@link #MAX_DOCUMENT_BYTES}, {@link #MAX_NESTING_DEPTH}, {@link #MAX_NUMBER_LENGTH}.</li>
 * </ul>
 */
public final class StrictJson {

    /** The largest document read: a Kafka record value or a REST body; Kafka's default record size (1 MiB). */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    /**
     * A string may fill the document: how long a field may be is a business rule, answered with a violation
     * that names the field, not a parser limit that makes the whole document unreadable.
     */
    public static final int MAX_STRING_LENGTH = MAX_DOCUMENT_BYTES;

    /** Objects and arrays nested deeper than this: the contracts need 4, a newer producer's additions get room. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** Digits in one number: a long has 19, so anything longer is out of every range, and cheap to parse. */
    public static final int MAX_NUMBER_LENGTH = 100;

    private StrictJson() {
    }

    /**
     * Makes {@code mapper} read by these rules; it keeps every other setting (unknown fields, modules).
     * Jackson only checks {@link #MAX_DOCUMENT_BYTES} while it streams, so a reader of a byte array checks
     * the length itself (see {@link #requireWithinDocumentLimit}).
     */
    public static <M extends ObjectMapper> M applyTo(M mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(MAX_DOCUMENT_BYTES)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(
                new SimpleModule("strict-uuid").addDeserializer(UUID.class, new StrictUuidDeserializer()));
        return mapper;
    }

    /**
     * @throws DocumentTooLargeException when {@code length} bytes are more than {@link #MAX_DOCUMENT_BYTES}
     */
    public static void requireWithinDocumentLimit(long length) throws DocumentTooLargeException {
        if (length > MAX_DOCUMENT_BYTES) {
            throw new DocumentTooLargeException(length);
        }
    }
}
