package dev.ordersaga.orchestrator.saga;

/** The kinds of entries in a saga's timeline. */
public enum HistoryType {

    STARTED(true),
    COMMAND_SENT(false),
    REPLY_RECEIVED(true),
    REPLY_IGNORED(true),
    STATE_CHANGED(false);

    private final boolean aboutIncomingMessage;

    HistoryType(boolean aboutIncomingMessage) {
        this.aboutIncomingMessage = aboutIncomingMessage;
    }

    /** True when the entry describes the message being handled, whose id the engine does not see. */
    public boolean aboutIncomingMessage() {
        return aboutIncomingMessage;
    }
}
