package dev.ordersaga.provider;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated card processor, embedded:
 *
 * <pre>{@code
 * try (PaymentProviderSimulator provider = PaymentProviderSimulator.start(0, Behaviour.normal())) {
 *     URI url = provider.baseUrl();                           // e.g. payment.provider.url
 *     provider.behaviour(Behaviour.normal().withFailures(1.0, 503));
 *     long captured = provider.stats().chargesCaptured();
 * }
 * }</pre>
 *
 * Its state (charges, idempotency keys, counts) lives in memory and ends with it.
 */
public final class PaymentProviderSimulator implements AutoCloseable {

    // The JDK server writes the status line and the body separately; with Nagle's algorithm on, the body waits
    // for the client's delayed ACK, about 40 ms per call. Read once, when the JDK's server class first loads.
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService threads;
    private final FaultInjector faults;
    private final Counters counters;

    private PaymentProviderSimulator(HttpServer server, ExecutorService threads, FaultInjector faults,
                                     Counters counters) {
        this.server = server;
        this.threads = threads;
        this.faults = faults;
        this.counters = counters;
    }

    /** Listens on {@code port} of every interface; 0 picks a free port (see {@link #port()}). */
    public static PaymentProviderSimulator start(int port, Behaviour behaviour) {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        Counters counters = new Counters();
        FaultInjector faults = new FaultInjector(behaviour, counters);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
        // Unbounded: a hanging (timed-out) call must not hold up the calls behind it.
        ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(threads);
        server.createContext("/", new Routes(faults, new CardProcessor(counters), counters));
        server.start();
        return new PaymentProviderSimulator(server, threads, faults, counters);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:<port>}. */
    public URI baseUrl() {
        return URI.create("http://localhost:" + port());
    }

    public Behaviour behaviour() {
        return faults.behaviour();
    }

    /** Applies to the calls that arrive from now on; a seeded behaviour restarts the random draws. */
    public void behaviour(Behaviour behaviour) {
        faults.behaviour(behaviour);
    }

    public ProviderStats stats() {
        return counters.snapshot();
    }

    /** Stops at once; calls still hanging or sleeping are interrupted and get no answer. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "payment-provider-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
