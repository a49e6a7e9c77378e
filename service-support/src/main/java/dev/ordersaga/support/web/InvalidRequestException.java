package dev.ordersaga.support.web;

import java.util.List;

/** The request is well-formed JSON but breaks the API's rules; answered with 400 and the violations. */
public class InvalidRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super("Invalid request: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
