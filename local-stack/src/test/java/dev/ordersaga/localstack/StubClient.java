package dev.ordersaga.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Reads what a stub service was started with. */
final class StubClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StubClient() {
    }

    static List<String> args(URI service) throws IOException, InterruptedException {
        return List.of(get(service, "/args").split("\n"));
    }

    static long pid(URI service) throws IOException, InterruptedException {
        return Long.parseLong(get(service, "/pid"));
    }

    static String get(URI service, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
