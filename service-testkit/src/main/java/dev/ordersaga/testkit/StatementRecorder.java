package dev.ordersaga.testkit;

import java.util.ArrayList;
import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Records the SQL statements the calling thread sends while it runs some work, so a test can prove
 * what a request costs (one query, one batch). The recording is per thread: the service's listeners
 * and its outbox relay keep using the database in the background, and their statements must never
 * leak into a count. MockMvc runs a request on the test's thread, which makes the count exact for an
 * API call. Only statements that pass through a data source wrapped by {@link StatementRecording}
 * are seen.
 */
public final class StatementRecorder implements QueryExecutionListener {

    private static final ThreadLocal<List<RecordedStatement>> RECORDING = new ThreadLocal<>();

    StatementRecorder() {
    }

    /** Work that may throw, such as a MockMvc call with its expectations. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} and returns the statements it executed on this thread, in order. */
    public static List<RecordedStatement> record(Work work) throws Exception {
        RECORDING.set(new ArrayList<>());
        try {
            work.run();
            return List.copyOf(RECORDING.get());
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        // Recorded once executed, with the batch size known.
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        List<RecordedStatement> recording = RECORDING.get();
        if (recording != null) {
            queries.forEach(query ->
                    recording.add(new RecordedStatement(query.getQuery(), execution.isBatch(), execution.getBatchSize())));
        }
    }
}
