package dev.ordersaga.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.schema.json.StrictJson;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The Web MVC slice picks up the shared advice, the strict JSON reading and the body limit by itself, as a
 * service's own slice tests would.
 */
@WebMvcTest
class BadRequestAdviceTest {

    private static final String INTEGER = "must be an integer, written without a fraction, an exponent or quotes";

    @Autowired
    MockMvc mvc;

    @Test
    void bodyBreakingBeanValidationIs400WithOneViolationPerField() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"count\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("The request breaks the API's rules"))
                .andExpect(jsonPath("$.violations.length()").value(1))
                .andExpect(jsonPath("$.violations[0].field").value("name"))
                .andExpect(jsonPath("$.violations[0].message").value("must not be blank"));
    }

    @Test
    void malformedJsonIs400NamingTheBody() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Malformed request body"))
                .andExpect(jsonPath("$.violations[0].field").value(""))
                .andExpect(jsonPath("$.violations[0].message").value("is not a well-formed JSON document"));
    }

    @Test
    void unreadableValueIs400NamingItsJsonPath() throws Exception {
        mvc.perform(post("/things/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"count\":\"many\"}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Malformed request body"))
                .andExpect(jsonPath("$.violations[0].field").value("[1].count"))
                .andExpect(jsonPath("$.violations[0].message").value(INTEGER));
    }

    /** Jackson's defaults would read each of these as 2, or 1000. */
    @ParameterizedTest
    @ValueSource(strings = {"2.0", "2.5", "1e3", "\"2\"", "true"})
    void numberThatWouldNeedCoercingIs400NamingItsJsonPath(String count) throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"count\":" + count + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations.length()").value(1))
                .andExpect(jsonPath("$.violations[0].field").value("count"))
                .andExpect(jsonPath("$.violations[0].message").value(INTEGER));
    }

    @Test
    void duplicateFieldIs400NamingTheBody() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"count\":1,\"count\":2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value(""))
                .andExpect(jsonPath("$.violations[0].message").value("is not a well-formed JSON document"));
    }

    @Test
    void bodyOverTheLimitIs413BeforeAnythingReadsIt() throws Exception {
        byte[] body = ("{\"name\":\"" + "n".repeat(StrictJson.MAX_DOCUMENT_BYTES) + "\",\"count\":1}")
                .getBytes(StandardCharsets.UTF_8);

        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail").value("The request body is larger than 1048576 bytes"))
                .andExpect(jsonPath("$.instance").value("/things"))
                .andExpect(jsonPath("$.violations[0].field").value(""))
                .andExpect(jsonPath("$.violations[0].message").value("must be at most 1048576 bytes"));
    }

    @Test
    void bodyUpToTheLimitIsRead() throws Exception {
        String name = "n".repeat(StrictJson.MAX_DOCUMENT_BYTES - "{\"name\":\"\",\"count\":1}".length());

        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\",\"count\":1}"))
                .andExpect(status().isOk())
                .andExpect(content().string(name));
    }

    @Test
    void pathValueOfTheWrongTypeIs400NamingTheParameter() throws Exception {
        mvc.perform(get("/things/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Malformed request parameter"))
                .andExpect(jsonPath("$.violations[0].field").value("id"))
                .andExpect(jsonPath("$.violations[0].message").value("'not-a-uuid' is not a valid UUID"));
    }

    @Test
    void parameterBreakingAConstraintIs400NamingTheParameter() throws Exception {
        mvc.perform(get("/things").param("count", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request breaks the API's rules"))
                .andExpect(jsonPath("$.violations[0].field").value("count"))
                .andExpect(jsonPath("$.violations[0].message").value("must be greater than 0"));
    }

    @Test
    void invalidBatchIs400ListingEveryEntrysViolations() throws Exception {
        mvc.perform(post("/things/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"name\":\"a\",\"count\":1},{\"name\":\"a\",\"count\":0},null]"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The request breaks the API's rules"))
                .andExpect(jsonPath("$.violations.length()").value(3))
                .andExpect(jsonPath("$.violations[0].field").value("[1].count"))
                .andExpect(jsonPath("$.violations[0].message").value("must be greater than 0"))
                .andExpect(jsonPath("$.violations[1].field").value("[1].name"))
                .andExpect(jsonPath("$.violations[1].message").value("duplicate name a in this request"))
                .andExpect(jsonPath("$.violations[2].field").value("[2]"))
                .andExpect(jsonPath("$.violations[2].message").value("must not be null"));
    }

    @Test
    void validBatchPasses() throws Exception {
        mvc.perform(post("/things/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"count\":2}]"))
                .andExpect(status().isOk())
                .andExpect(content().string("2"));
    }

    @Test
    void errorResponseExceptionKeepsSpringsProblemDocument() throws Exception {
        mvc.perform(get("/things/" + ThingController.GONE))
                .andExpect(status().isGone())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("That thing is gone"))
                .andExpect(jsonPath("$.violations").doesNotExist());
    }

    @Test
    void serviceAdviceForItsOwnExceptionWinsOverTheSharedOne() throws Exception {
        // ThingNotFound is an ErrorResponseException, which the shared advice handles too.
        mvc.perform(get("/things/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Thing not found"));
    }

    record Thing(@NotBlank String name, @Positive int count) {
    }

    static class ThingNotFound extends ErrorResponseException {

        ThingNotFound() {
            super(HttpStatus.NOT_FOUND);
        }
    }

    @RestController
    static class ThingController {

        static final UUID GONE = UUID.fromString("00000000-0000-0000-0000-000000000001");

        private final RequestValidation validation;

        ThingController(RequestValidation validation) {
            this.validation = validation;
        }

        @PostMapping("/things")
        String create(@Valid @RequestBody Thing thing) {
            return thing.name();
        }

        @PostMapping("/things/batch")
        int createAll(@RequestBody List<Thing> things) {
            validation.requireValidEntries(things, Thing::name, "name");
            return things.size();
        }

        @GetMapping("/things/{id}")
        String find(@PathVariable UUID id) {
            if (GONE.equals(id)) {
                throw new ErrorResponseException(HttpStatus.GONE,
                        ProblemDetail.forStatusAndDetail(HttpStatus.GONE, "That thing is gone"), null);
            }
            throw new ThingNotFound();
        }

        @GetMapping("/things")
        int count(@RequestParam @Positive int count) {
            return count;
        }
    }

    /** A service's advice, unordered like the services' own. */
    @RestControllerAdvice
    static class ServiceAdvice {

        @ExceptionHandler(ThingNotFound.class)
        ProblemDetail notFound(ThingNotFound e) {
            ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
            problem.setTitle("Thing not found");
            return problem;
        }
    }

    @SpringBootConfiguration
    @Import({ThingController.class, ServiceAdvice.class})
    static class TestApplication {
    }
}
