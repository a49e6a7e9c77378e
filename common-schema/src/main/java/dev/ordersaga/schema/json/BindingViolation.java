package dev.ordersaga.schema.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.UUID;

/**
 * Why a JSON document could not be read into its type, in a producer's terms: the JSON path of the value
 * ({@code lines[0].unitPrice}, empty for the document as a whole) and what it must be. It never names a Java
 * class and never repeats the value.
 *
 * @param field   a JSON path into the document, e.g. {@code lines[0].unitPrice}; empty for the whole document
 * @param message what the value must be
 */
public record BindingViolation(String field, String message) {

    static final String INTEGER = "must be an integer, written without a fraction, an exponent or quotes";
    static final String UUID_STRING = "must be a UUID string of 8-4-4-4-12 hexadecimal digits";
    static final String NOT_WELL_FORMED = "is not a well-formed JSON document";
    static final String OVER_LIMITS = "exceeds the JSON limits: at most " + StrictJson.MAX_DOCUMENT_BYTES
            + " bytes, nesting depth " + StrictJson.MAX_NESTING_DEPTH
            + ", numbers of at most " + StrictJson.MAX_NUMBER_LENGTH + " digits";

    /** What a failed read says: a value that does not bind, else the document (malformed, or over the limits). */
    public static BindingViolation of(JsonProcessingException e) {
        if (causedBy(e, StreamConstraintsException.class)) {
            return new BindingViolation("", OVER_LIMITS);
        }
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping) : "";
        InputCoercionException outOfRange = causeOf(e, InputCoercionException.class);
        if (outOfRange != null) {
            return new BindingViolation(field, rangeOf(outOfRange.getTargetType()));
        }
        if (e instanceof JsonMappingException && !causedBy(e, StreamReadException.class)) {
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return new BindingViolation(field, target == null ? "cannot be read" : expectation(target));
        }
        return new BindingViolation("", NOT_WELL_FORMED);
    }

    private static String expectation(Class<?> target) {
        if (isIntegral(target)) {
            return INTEGER;
        }
        if (target == UUID.class) {
            return UUID_STRING;
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return "must be a string";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == Double.class || target == double.class || target == Float.class || target == float.class
                || target == BigDecimal.class) {
            return "must be a number";
        }
        if (target.isEnum()) {
            return "must be one of the values the schema lists";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static String rangeOf(Class<?> target) {
        if (target == Integer.class || target == int.class) {
            return "must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (target == Short.class || target == short.class) {
            return "must be an integer from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        return "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }

    private static boolean isIntegral(Class<?> target) {
        return target == Integer.class || target == int.class || target == Long.class || target == long.class
                || target == Short.class || target == short.class || target == BigInteger.class;
    }

    /** {@code lines[0].unitPrice}: the paths the business rules' violations use too. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return causeOf(e, type) != null;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
