package dev.ordersaga.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** Runs the CLI in-process, as {@code ops.sh} would, with a context the test controls. */
public final class Cli {

    private final OpsContext context;

    private Cli(OpsContext context) {
        this.context = context;
    }

    /** A machine where it is {@code now}, $USER is {@code tester}, no one watches and no one presses Ctrl-C. */
    public static Cli at(Instant now) {
        return new Cli(new OpsContext(Map.of("USER", "tester"), Clock.fixed(now, ZoneOffset.UTC), () -> "test-host",
                false, grace -> never()));
    }

    public static Cli now() {
        return at(Instant.now());
    }

    public Cli withEnv(Map<String, String> env) {
        return new Cli(new OpsContext(env, context.clock(), context.host(), context.interactive(), context.interruptions()));
    }

    public Cli watched() {
        return new Cli(new OpsContext(context.env(), context.clock(), context.host(), true, context.interruptions()));
    }

    /** Ctrl-C is pressed while the {@code n}th item is in flight: the loop sees it before the next one. */
    public Cli ctrlCDuringItem(int n) {
        return new Cli(new OpsContext(context.env(), context.clock(), context.host(), context.interactive(),
                grace -> afterChecks(n)));
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsCli.commandLine(context);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Interruption never() {
        return new Interruption() {
            @Override
            public boolean requested() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }

    private static Interruption afterChecks(int n) {
        AtomicInteger checks = new AtomicInteger();
        return new Interruption() {
            @Override
            public boolean requested() {
                return checks.incrementAndGet() > n;
            }

            @Override
            public void close() {
            }
        };
    }
}
