package dev.ordersaga.provider;

import java.util.Optional;
import java.util.Random;

/**
 * Stands between a {@code /v1} call and the processor, as the current {@link Behaviour} says: one draw for an
 * injected failure and one for a timeout as the call arrives (so a seeded sequence follows arrival order, whatever
 * the latency), then the latency, then the fault if one was drawn. A failure or timeout answers without the call
 * ever reaching the processor.
 */
final class FaultInjector {

    private static final System.Logger log = System.getLogger(FaultInjector.class.getName());

    private final Counters counters;
    private volatile Behaviour behaviour;
    private Random random = new Random();

    FaultInjector(Behaviour behaviour, Counters counters) {
        this.counters = counters;
        behaviour(behaviour);
    }

    synchronized void behaviour(Behaviour behaviour) {
        this.behaviour = behaviour;
        if (behaviour.seed() != null) {
            random = new Random(behaviour.seed());
        }
    }

    Behaviour behaviour() {
        return behaviour;
    }

    /** @return the answer of an injected failure or timeout; empty to let the call through */
    Optional<Reply> intercept() throws InterruptedException {
        Behaviour current = behaviour;
        Fault fault = draw(current);
        Thread.sleep(current.latencyMs());
        switch (fault) {
            case FAILURE -> {
                counters.injectedFailure();
                log.log(System.Logger.Level.DEBUG, "Injected failure {0}", current.failureStatus());
                return Optional.of(Reply.problem(current.failureStatus(), "error", "injected failure"));
            }
            case TIMEOUT -> {
                counters.timedOut();
                log.log(System.Logger.Level.DEBUG, "Injected timeout of {0} ms", current.timeoutMs());
                Thread.sleep(current.timeoutMs());
                return Optional.of(Reply.problem(504, "timeout", "injected timeout"));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Always two draws per call, so a seed fixes the whole sequence whatever the rates. */
    private synchronized Fault draw(Behaviour current) {
        double failureDraw = random.nextDouble();
        double timeoutDraw = random.nextDouble();
        if (failureDraw < current.failureRate()) {
            return Fault.FAILURE;
        }
        return timeoutDraw < current.timeoutRate() ? Fault.TIMEOUT : Fault.NONE;
    }

    private enum Fault {
        NONE,
        FAILURE,
        TIMEOUT
    }
}
