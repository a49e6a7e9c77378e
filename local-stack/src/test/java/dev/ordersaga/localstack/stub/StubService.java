package dev.ordersaga.localstack.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Stands in for a service in LocalStackIT: a JDK-only HTTP server with the endpoints the launcher
 * uses. It is packed into a fake {@code <module>-exec.jar}, so it must depend on nothing but the JDK.
 */
public final class StubService {

    private StubService() {
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = Arrays.asList(args);
        System.out.println("stub started with " + arguments);
        if (arguments.contains("--stub.fail=true")) {
            System.out.println("stub failing on purpose");
            System.exit(3);
        }
        int port = Integer.parseInt(argument(arguments, "--server.port="));
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/args", exchange -> respond(exchange, 200, String.join("\n", arguments)));
        server.createContext("/pid", exchange -> respond(exchange, 200, Long.toString(ProcessHandle.current().pid())));
        server.createContext("/products", exchange -> keepSeed(exchange, "products"));
        server.createContext("/accounts", exchange -> keepSeed(exchange, "accounts"));
        server.start();
    }

    // The seed body is written to the working directory, where the test reads it back.
    private static void keepSeed(HttpExchange exchange, String name) throws IOException {
        if (!"PUT".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        Files.write(Path.of("seed-" + name + ".json"), body);
        respond(exchange, 204, "");
    }

    private static String argument(List<String> arguments, String prefix) {
        return arguments.stream()
                .filter(argument -> argument.startsWith(prefix))
                .map(argument -> argument.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("missing " + prefix));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
