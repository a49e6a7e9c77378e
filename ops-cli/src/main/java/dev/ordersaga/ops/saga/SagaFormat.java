package dev.ordersaga.ops.saga;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Durations;
import dev.ordersaga.ops.Table;
import dev.ordersaga.ops.saga.SagaViews.ActionResult;
import dev.ordersaga.ops.saga.SagaViews.HistoryItem;
import dev.ordersaga.ops.saga.SagaViews.SagaDetails;
import dev.ordersaga.ops.saga.SagaViews.SagaSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Sagas as text: a header and a timeline for one, a table for many. Ages and deadlines are relative to {@code now}. */
final class SagaFormat {

    private static final Set<String> FINAL_STATES = Set.of("COMPLETED", "COMPENSATED");
    private static final String LABEL_FORMAT = "  %-10s%s%n";

    private SagaFormat() {
    }

    static String details(SagaDetails saga, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append("saga ").append(saga.sagaId()).append(" (").append(Objects.toString(saga.definition(), "?"))
                .append(" v").append(Objects.toString(saga.definitionVersion(), "?")).append(")\n");
        line(text, "state", saga.state());
        line(text, "step", step(saga.currentStep(), saga.currentStepName()));
        line(text, "attempts", Objects.toString(saga.attempts(), "-")
                + (saga.commandTry() == null ? "" : " (command try " + saga.commandTry() + ")"));
        line(text, "deadline", deadline(saga.stepDeadline(), saga.overdue(), saga.state(), now));
        line(text, "created", timeAgo(saga.createdAt(), now));
        line(text, "updated", timeAgo(saga.updatedAt(), now));
        List<HistoryItem> history = saga.history() == null ? List.of() : saga.history();
        text.append('\n');
        Table timeline = new Table("AT", "TYPE", "STEP", "MESSAGE", "MESSAGE ID", "DETAIL");
        history.forEach(item -> timeline.row(item.at(), item.type(), item.step(), item.messageType(), item.messageId(),
                detail(item.detail())));
        text.append(timeline.format());
        return text.toString();
    }

    static String list(List<SagaSummary> sagas, Instant now) {
        if (sagas.isEmpty()) {
            return "No sagas match.\n";
        }
        Table table = new Table("ORDER ID", "STATE", "STEP", "ATTEMPTS", "AGE", "UPDATED", "DEADLINE", "FAILURE")
                .alignRight(3, 4, 5);
        sagas.forEach(saga -> table.row(saga.orderId() != null ? saga.orderId() : saga.sagaId(), saga.state(),
                step(saga.currentStep(), saga.currentStepName()), saga.attempts(), age(saga.createdAt(), now),
                age(saga.updatedAt(), now), shortDeadline(saga.stepDeadline(), saga.overdue(), saga.state(), now),
                saga.failureReason()));
        return table.format() + sagas.size() + (sagas.size() == 1 ? " saga\n" : " sagas\n");
    }

    static String action(ActionResult result, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append(result.action()).append(" of saga ").append(result.sagaId()).append(": ").append(result.outcome()).append('\n');
        SagaDetails saga = result.saga();
        if (saga != null) {
            text.append("now ").append(saga.state()).append(", step ").append(step(saga.currentStep(), saga.currentStepName()))
                    .append(", attempts ").append(Objects.toString(saga.attempts(), "-"))
                    .append(", deadline ").append(deadline(saga.stepDeadline(), saga.overdue(), saga.state(), now))
                    .append('\n');
        }
        return text.toString();
    }

    /** {@code 2025-06-01T10:05:00Z (overdue by 1m03s)}, {@code (in 12s)}, or {@code -} without a deadline. */
    static String deadline(Instant deadline, Boolean overdue, String state, Instant now) {
        if (deadline == null) {
            return "-";
        }
        return deadline + " (" + relativeDeadline(deadline, overdue, state, now) + ")";
    }

    private static String shortDeadline(Instant deadline, Boolean overdue, String state, Instant now) {
        return deadline == null ? null : relativeDeadline(deadline, overdue, state, now);
    }

    /** The orchestrator's {@code overdue} when it says; otherwise a deadline in the past of a live saga is overdue. */
    private static String relativeDeadline(Instant deadline, Boolean overdue, String state, Instant now) {
        boolean late = overdue != null ? overdue : !FINAL_STATES.contains(state) && now.isAfter(deadline);
        if (late) {
            return "overdue by " + Durations.format(Duration.between(deadline, now));
        }
        return now.isAfter(deadline)
                ? "passed " + Durations.format(Duration.between(deadline, now)) + " ago"
                : "in " + Durations.format(Duration.between(now, deadline));
    }

    private static String step(Integer index, String name) {
        if (index == null && name == null) {
            return "-";
        }
        return Objects.toString(index, "?") + (name == null ? "" : " " + name);
    }

    private static String timeAgo(Instant at, Instant now) {
        return at == null ? "-" : at + " (" + age(at, now) + " ago)";
    }

    private static String age(Instant at, Instant now) {
        return at == null ? null : Durations.format(Duration.between(at, now));
    }

    private static String detail(Map<String, JsonNode> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        return detail.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString()))
                .collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(LABEL_FORMAT, label, Objects.toString(value, "-")));
    }
}
