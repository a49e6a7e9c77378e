package dev.ordersaga.support.web;

import jakarta.validation.Validator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Registers the shared bad-request advice in every servlet service. Runs before Spring MVC's own
 * configuration so that Boot's generic problem-details handler, which backs off when a
 * {@link ResponseEntityExceptionHandler} exists, sees this one.
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
