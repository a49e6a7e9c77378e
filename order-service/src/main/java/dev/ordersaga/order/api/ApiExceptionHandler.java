package dev.ordersaga.order.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ordersaga.schema.json.BindingViolation;
import dev.ordersaga.schema.json.Echo;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 7807 problem+json. Bad input of any kind (rule violations, malformed JSON, a value of
 * the wrong JSON type or a number that would need coercing, a path or query value of the wrong type) is a 400
 * with a {@code violations} list, never a 500. A body over the size limit is refused earlier, with 413, by
 * service-support's filter.
 *
 * <p>Its wording is this API's own, so it is ordered ahead of the shared {@code BadRequestAdvice}, which
 * would otherwise answer the same Spring MVC exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final String VIOLATIONS = "violations";

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> handleInvalidRequest(InvalidRequestException e, WebRequest request) {
        return badRequest(e, e.violations(), new HttpHeaders(), request);
    }

    @ExceptionHandler(OrderNotFoundException.class)
    ResponseEntity<Object> handleNotFound(OrderNotFoundException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No order with id " + e.orderId());
        problem.setTitle("Order not found");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(CancellationRefusedException.class)
    ResponseEntity<Object> handleCancellationRefused(CancellationRefusedException e, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Order cannot be cancelled");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(e, List.of(unreadable(e)), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        Violation violation =
                new Violation(field, Echo.quote(String.valueOf(e.getValue())) + " is not a valid " + expected);
        return badRequest(e, List.of(violation), headers, request);
    }

    private ResponseEntity<Object> badRequest(Exception e, List<Violation> violations, HttpHeaders headers,
                                              WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request is invalid; see violations.");
        problem.setTitle("Invalid request");
        problem.setProperty(VIOLATIONS, violations);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The offending JSON path and what its value must be, in the same words as on Kafka, without Java class names. */
    private static Violation unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            BindingViolation violation = BindingViolation.of(json);
            return new Violation(violation.field(), violation.message());
        }
        return new Violation("", "the body is missing or unreadable");
    }
}
