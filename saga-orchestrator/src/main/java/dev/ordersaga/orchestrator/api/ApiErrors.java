package dev.ordersaga.orchestrator.api;

import dev.ordersaga.orchestrator.instance.SagaChangedException;
import dev.ordersaga.orchestrator.instance.SagaNotFoundException;
import dev.ordersaga.orchestrator.saga.OperatorActionRefusedException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 7807 problem+json; Spring's handler covers malformed requests (never a 500 for bad
 * input), and a parameter of the wrong type names the field in {@code violations}. An unknown saga is a 404;
 * an operator action the saga's state does not allow (it has ended; compensation past the pivot), or on a saga
 * that kept changing under it, is a 409. Broken API rules ({@code InvalidRequestException}) fall through to
 * the shared advice, which lists the violations.
 *
 * <p>Its wording is this API's own, so it is ordered ahead of the shared {@code BadRequestAdvice}, which
 * would otherwise answer the same Spring MVC exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(SagaNotFoundException.class)
    ProblemDetail sagaNotFound(SagaNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Saga not found", e.getMessage());
    }

    @ExceptionHandler(OperatorActionRefusedException.class)
    ProblemDetail actionRefused(OperatorActionRefusedException e) {
        return problem(HttpStatus.CONFLICT, "Action not allowed", e.getMessage());
    }

    @ExceptionHandler(SagaChangedException.class)
    ProblemDetail sagaChanged(SagaChangedException e) {
        return problem(HttpStatus.CONFLICT, "Saga changed", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "a valid value" : "a " + ex.getRequiredType().getSimpleName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request parameter");
        problem.setTitle("Bad request");
        problem.setProperty("violations", List.of(Map.of(
                "field", String.valueOf(field),
                "message", "must be " + expected + ", was '" + ex.getValue() + "'")));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
