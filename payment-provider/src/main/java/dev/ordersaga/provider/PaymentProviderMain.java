package dev.ordersaga.provider;

/**
 * Runs the simulator standalone: {@code java -jar payment-provider-exec.jar [--port 8090]}. Behaviour starts
 * normal and is changed through {@code PUT /admin/behaviour}. Stops on Ctrl-C / SIGTERM.
 */
public final class PaymentProviderMain {

    static final int DEFAULT_PORT = 8090;

    private PaymentProviderMain() {
    }

    public static void main(String[] args) {
        int port;
        try {
            port = port(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: java -jar payment-provider-exec.jar [--port PORT]");
            System.exit(2);
            return;
        }
        PaymentProviderSimulator provider = PaymentProviderSimulator.start(port, Behaviour.normal());
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "payment-provider-shutdown"));
        // The JDK server's dispatcher thread is not a daemon: it keeps the JVM running until shutdown.
        System.out.println("payment-provider listening on " + provider.baseUrl());
    }

    /** {@code --port N} or {@code --port=N}; nothing else is accepted. */
    static int port(String... args) {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--port=")) {
                port = parsePort(arg.substring("--port=".length()));
            } else if (arg.equals("--port") && i + 1 < args.length) {
                port = parsePort(args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        return port;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port: " + value, e);
        }
    }
}
