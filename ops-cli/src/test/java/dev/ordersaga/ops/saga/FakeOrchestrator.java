package dev.ordersaga.ops.saga;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for the orchestrator's admin API: canned answers per "METHOD /path", and every request remembered. */
final class FakeOrchestrator implements AutoCloseable {

    record Answer(int status, String contentType, String body) {
    }

    record Request(String method, String path, String query, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeOrchestrator(HttpServer server) {
        this.server = server;
    }

    static FakeOrchestrator start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        FakeOrchestrator fake = new FakeOrchestrator(server);
        server.createContext("/", fake::handle);
        server.start();
        return fake;
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    FakeOrchestrator answer(String methodAndPath, int status, String json) {
        String type = status / 100 == 2 ? "application/json" : "application/problem+json";
        answers.put(methodAndPath, new Answer(status, type, json));
        return this;
    }

    FakeOrchestrator answerRaw(String methodAndPath, int status, String contentType, String body) {
        answers.put(methodAndPath, new Answer(status, contentType, body));
        return this;
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                new Answer(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
