package dev.ordersaga.ops;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A service the CLI calls over HTTP (the orchestrator's admin API, the payment provider's reporting API): every
 * exchange bounded by {@code --timeout}, and an exchange that got no answer turned into one line for the operator
 * that names the service (exit code 1). What an answer means is the caller's.
 */
public final class HttpService {

    private final String name;
    private final URI baseUrl;
    private final Duration timeout;
    private final HttpClient http;

    /** @param name the service in messages: {@code the orchestrator} */
    public HttpService(String name, URI baseUrl, Duration timeout) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        // HTTP/1.1: without it the client first tries an h2c upgrade, which the simulator's JDK server does not speak.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** @throws OpsException "cannot reach the orchestrator at URL …" when no answer came */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(timeout).build(), body);
        } catch (HttpTimeoutException e) {
            throw OpsException.failure("cannot reach " + name + " at " + baseUrl + " within " + Durations.format(timeout), e);
        } catch (ConnectException e) {
            throw OpsException.failure("cannot reach " + name + " at " + baseUrl + " (connection refused)", e);
        } catch (IOException e) {
            throw OpsException.failure("cannot reach " + name + " at " + baseUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsException.failure("interrupted", e);
        }
    }

    /** The base URL and {@code pathAndQuery}, whether or not the base ends with a slash. */
    public URI uri(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** A query parameter's value, URL-encoded. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
