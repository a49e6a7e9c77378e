package dev.ordersaga.orchestrator.saga;

/** The kinds of entries in a saga's timeline. */
public enum HistoryType {

    STARTED(true),
    COMMAND_SENT(false),
    REPLY_RECEIVED(true),
    /** A message that changed nothing: late, duplicate, replayed, or a cancellation that came too late. */
    REPLY_IGNORED(true),
    STATE_CHANGED(false),
    /** The awaited step's deadline passed; the detail says whether its commands were re-sent or it gave up. */
    DEADLINE_PASSED(false),
    /** A command sent again with the message id it had, so that the participant deduplicates it. */
    COMMAND_RESENT(false),
    /**
     * The participant could not act for now (e.g. its provider is down); the step is tried again later, or,
     * once its retry budget is spent, compensated.
     */
    TRANSIENT_FAILURE(true),
    /** The producer cancelled the order; the saga compensates what may have happened. */
    CANCEL_REQUESTED(true),
    /** An operator's retry or compensate, with who asked and why. */
    OPERATOR_ACTION(false);

    private final boolean aboutIncomingMessage;

    HistoryType(boolean aboutIncomingMessage) {
        this.aboutIncomingMessage = aboutIncomingMessage;
    }

    /** True when the entry describes the message being handled, whose id the engine does not see. */
    public boolean aboutIncomingMessage() {
        return aboutIncomingMessage;
    }
}
