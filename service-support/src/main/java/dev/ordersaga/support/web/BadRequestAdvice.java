package dev.ordersaga.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ordersaga.schema.json.BindingViolation;
import dev.ordersaga.schema.json.Echo;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Bad input is always a 400 problem document with a {@code violations} list, never a 500: malformed
 * JSON, a value of the wrong JSON type or a number that would need coercing (named by its JSON path, in the
 * words of {@link BindingViolation}), wrong types in the path or query, and broken validation rules. Every
 * other standard Spring MVC exception, {@link org.springframework.web.ErrorResponseException} included, keeps
 * Spring's problem document.
 *
 * <p>Lowest precedence: advice is consulted in order and the first one with a matching handler answers, so a
 * service's own advice (an unknown id as 404, its own wording) must be asked before this catch-all.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class BadRequestAdvice extends ResponseEntityExceptionHandler {

    private static final String VIOLATIONS = "violations";

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(badRequest("The request breaks the API's rules", e.violations()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Violation(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(badRequest("The request breaks the API's rules", violations));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Violation(
                                fieldOf(result.getMethodParameter().getParameterName(), error),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(badRequest("The request breaks the API's rules", violations));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Violation violation = e.getCause() instanceof JsonProcessingException json
                ? violation(BindingViolation.of(json))
                : new Violation("", "the body is missing or unreadable");
        return ResponseEntity.badRequest().body(badRequest("Malformed request body", List.of(violation)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName()
                : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        Violation violation =
                new Violation(field, Echo.quote(String.valueOf(e.getValue())) + " is not a valid " + expected);
        return ResponseEntity.badRequest().body(badRequest("Malformed request parameter", List.of(violation)));
    }

    private static ProblemDetail badRequest(String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty(VIOLATIONS, violations);
        return problem;
    }

    private static String fieldOf(@Nullable String parameter, MessageSourceResolvable error) {
        if (error instanceof FieldError field) {
            return field.getField();
        }
        return parameter == null ? "" : parameter;
    }

    private static Violation violation(BindingViolation violation) {
        return new Violation(violation.field(), violation.message());
    }
}
