package dev.ordersaga.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.schema.json.StrictJson;
import jakarta.validation.Validator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Registers the shared bad-request advice in every servlet service. Runs before Spring MVC's own
 * configuration so that Boot's generic problem-details handler, which backs off when a
 * {@link ResponseEntityExceptionHandler} exists, sees this one.
 *
 * <p>Also makes REST read JSON as strictly as the messaging library reads Kafka ({@link StrictJson}: a
 * decimal, a quoted number or a boolean where an integer belongs is a 400, never coerced), and refuses a
 * body over {@link StrictJson#MAX_DOCUMENT_BYTES} with 413: the same bound as a record on a topic.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
public class WebSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BadRequestAdvice badRequestAdvice() {
        return new BadRequestAdvice();
    }

    /** Boot's ObjectMapper, which Spring MVC reads bodies with. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonCustomizer() {
        return builder -> builder.postConfigurer(StrictJson::applyTo);
    }

    /** Ahead of every filter that might read the body. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(StrictJson.MAX_DOCUMENT_BYTES, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Validator.class)
    static class RequestValidationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RequestValidation requestValidation(Validator validator) {
            return new RequestValidation(validator);
        }
    }
}
