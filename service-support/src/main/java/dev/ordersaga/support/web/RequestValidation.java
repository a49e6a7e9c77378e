package dev.ordersaga.support.web;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates a bulk request entry by entry, so that every violation names the entry it belongs to
 * ({@code [3].available}) and the client can fix the whole batch in one go.
 */
public class RequestValidation {

    private final Validator validator;

    public RequestValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param entries  the request body
     * @param key      the entry's identity, which must be unique within the request
     * @param keyField the name of that identity field in the JSON
     * @throws InvalidRequestException listing every violation
     */
    public <T> void requireValidEntries(List<T> entries, Function<T, String> key, String keyField) {
        if (entries == null || entries.isEmpty()) {
            throw new InvalidRequestException(List.of(new Violation("", "must contain at least one entry")));
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            T entry = entries.get(i);
            if (entry == null) {
                violations.add(new Violation("[" + i + "]", "must not be null"));
                continue;
            }
            violations.addAll(violationsOf(entry, "[" + i + "]."));
            String id = key.apply(entry);
            if (id != null && !keys.add(id)) {
                violations.add(new Violation(
                        "[" + i + "]." + keyField, "duplicate " + keyField + " " + id + " in this request"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private <T> List<Violation> violationsOf(T entry, String prefix) {
        return validator.validate(entry).stream()
                .map(violation -> new Violation(prefix + violation.getPropertyPath(), violation.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
    }
}
