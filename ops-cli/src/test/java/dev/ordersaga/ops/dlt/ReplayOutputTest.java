package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.ops.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReplayOutputTest {

    @Test
    void summaryCountsEachOutcome() {
        assertThat(new ReplaySummary(10, 7, 2, 1, false).format())
                .isEqualTo("7 replayed, 2 skipped (already replayed), 1 failed");
        assertThat(new ReplaySummary(10, 3, 1, 0, true).format())
                .isEqualTo("3 replayed, 1 skipped (already replayed), 0 failed, 6 not attempted");
    }

    @Test
    void exitCodeSaysWhetherAnythingFailedOrTheRunWasInterrupted() {
        assertThat(new ReplaySummary(3, 2, 1, 0, false).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(new ReplaySummary(3, 2, 0, 1, false).exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(new ReplaySummary(3, 1, 0, 1, true).exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
    }

    @Test
    void progressLineShowsTheBarAndTheCounts() {
        assertThat(ReplayProgress.line(12, 40, 3, 1))
                .isEqualTo("[#########---------------------] 12/40  skipped 3  failed 1");
        assertThat(ReplayProgress.line(0, 0, 0, 0)).startsWith("[##############################] 0/0");
    }

    @Test
    void progressIsRedrawnInPlaceAndMessagesGoAboveIt() {
        StringWriter err = new StringWriter();
        ReplayProgress progress = new ReplayProgress(new PrintWriter(err), true, 2);

        progress.update(1, 0, 0);
        progress.message("failed x-dlt-0@1 -> x: boom");
        progress.update(2, 0, 1);
        progress.finish();

        assertThat(err.toString()).isEqualTo(
                "\r" + ReplayProgress.line(1, 2, 0, 0)
                        + "\r" + " ".repeat(ReplayProgress.line(1, 2, 0, 0).length()) + "\r"
                        + "failed x-dlt-0@1 -> x: boom" + System.lineSeparator()
                        + "\r" + ReplayProgress.line(2, 2, 0, 1)
                        + System.lineSeparator());
    }

    @Test
    void noOneWatchingMeansNoProgressLine() {
        StringWriter err = new StringWriter();
        ReplayProgress progress = new ReplayProgress(new PrintWriter(err), false, 2);

        progress.update(1, 0, 0);
        progress.update(2, 0, 0);
        progress.finish();

        assertThat(err.toString()).isEmpty();
    }
}
