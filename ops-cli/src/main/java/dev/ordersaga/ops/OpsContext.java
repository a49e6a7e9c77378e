package dev.ordersaga.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the commands take from the machine they run on, so tests can supply their own.
 *
 * @param env           environment variables (operator name)
 * @param clock         "now", for "ago" bounds, ages and audit times
 * @param host          this machine's name, for the audit
 * @param interactive   whether a person watches: then long runs draw a progress bar on stderr
 * @param interruptions Ctrl-C for long loops
 */
public record OpsContext(Map<String, String> env, Clock clock, Supplier<String> host, boolean interactive,
                         Interruption.Source interruptions) {

    public static OpsContext system() {
        return new OpsContext(System.getenv(), Clock.systemUTC(), OpsContext::hostName, System.console() != null,
                Interruption::onCtrlC);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
