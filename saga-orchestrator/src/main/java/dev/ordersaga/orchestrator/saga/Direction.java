package dev.ordersaga.orchestrator.saga;

/** Whether a command moves a step forward or compensates it; part of the command's message id. */
public enum Direction {

    FORWARD("forward"),
    COMPENSATION("compensation");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
