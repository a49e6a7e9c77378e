package dev.ordersaga.ops.dlt;

import dev.ordersaga.ops.Interruption;
import dev.ordersaga.ops.OpsException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Carries out a replay plan one dead letter at a time: each send is acknowledged (acks=all) and then audited
 * before the next one starts, so a run stopped anywhere (Ctrl-C, a crash) resumes exactly where it stopped.
 */
final class Replayer {

    private final KafkaAccess kafka;
    private final ReplayAudit audit;
    private final ReplayRun run;
    private final Pacer pacer;
    private final ReplayProgress progress;
    private final Interruption interruption;
    private int replayed;
    private int skipped;
    private int failed;

    Replayer(KafkaAccess kafka, ReplayAudit audit, ReplayRun run, Pacer pacer, ReplayProgress progress,
             Interruption interruption) {
        this.kafka = kafka;
        this.audit = audit;
        this.run = run;
        this.pacer = pacer;
        this.progress = progress;
        this.interruption = interruption;
    }

    ReplaySummary replay(List<PlannedReplay> plan) {
        boolean interrupted = false;
        for (PlannedReplay item : plan) {
            if (interruption.requested()) {
                interrupted = true;
                break;
            }
            switch (item.action()) {
                case SKIP -> skipped++;
                case REFUSE -> fail(item, "refused: " + item.reason());
                case SEND -> send(item);
            }
            progress.update(replayed + skipped + failed, skipped, failed);
        }
        progress.finish();
        return new ReplaySummary(plan.size(), replayed, skipped, failed, interrupted);
    }

    private void send(PlannedReplay item) {
        try {
            pacer.awaitTurn();
            kafka.send(Republication.of(item.letter(), item.target(), run.replayId()));
        } catch (ExecutionException e) {
            fail(item, String.valueOf(e.getCause()));
            return;
        } catch (TimeoutException e) {
            fail(item, "no acknowledgement in time");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OpsException.failure("interrupted while replaying " + item.letter().coordinates(), e);
        }
        audit.write(AuditEntry.of(run, item.letter(), item.target(), AuditEntry.Result.REPLAYED, null));
        replayed++;
    }

    private void fail(PlannedReplay item, String error) {
        audit.write(AuditEntry.of(run, item.letter(), item.target(), AuditEntry.Result.FAILED, error));
        failed++;
        progress.message("failed " + item.letter().coordinates() + " -> " + item.target() + ": " + error);
    }
}
