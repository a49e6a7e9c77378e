package dev.ordersaga.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An HTTP answer: status and JSON body, and whether it is the stored answer of an idempotency key. */
record Reply(int status, JsonNode body, boolean replayed) {

    static Reply of(int status, JsonNode body) {
        return new Reply(status, body, false);
    }

    /** {@code {"status": <status>, "reason": <reason>}}: the shape of every answer where nothing was done. */
    static Reply problem(int httpStatus, String status, String reason) {
        ObjectNode body = Json.object().put("status", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        return of(httpStatus, body);
    }

    Reply asReplay() {
        return new Reply(status, body, true);
    }
}
