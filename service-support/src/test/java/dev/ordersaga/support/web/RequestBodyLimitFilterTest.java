package dev.ordersaga.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The chunked case, which MockMvc cannot send: no Content-Length, so the filter reads the body itself. */
class RequestBodyLimitFilterTest {

    private static final int LIMIT = 10;

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(LIMIT, new ObjectMapper());
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final MockFilterChain chain = new MockFilterChain();

    @Test
    void chunkedBodyOverTheLimitIs413AndGoesNoFurther() throws Exception {
        filter.doFilter(chunked("12345678901"), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"detail\":\"The request body is larger than 10 bytes\"");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void chunkedBodyUpToTheLimitIsHandedOnWhole() throws Exception {
        filter.doFilter(chunked("1234567890"), response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
        assertThat(chain.getRequest().getInputStream().readAllBytes()).asString(StandardCharsets.UTF_8)
                .isEqualTo("1234567890");
        assertThat(chain.getRequest().getContentLengthLong()).isEqualTo(10);
    }

    @Test
    void declaredLengthOverTheLimitIs413WithoutReadingTheBody() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders");
        request.setContent("12345678901".getBytes(StandardCharsets.UTF_8));

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(request.getInputStream().readAllBytes()).hasSize(11);
    }

    /** What a servlet container shows for Transfer-Encoding: chunked. */
    private static MockHttpServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/orders") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
