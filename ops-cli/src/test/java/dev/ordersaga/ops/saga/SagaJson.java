package dev.ordersaga.ops.saga;

/** The orchestrator's documented answers, as JSON text. */
final class SagaJson {

    static final String ORDER = "5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31";

    /** A saga stuck in charge-payment: its deadline passed at 10:04, it is 10:05:03 in the tests. */
    static final String RUNNING = """
            {"sagaId":"%1$s","orderId":"%1$s","definition":"create-order","definitionVersion":1,
             "state":"RUNNING","currentStep":2,"currentStepName":"charge-payment","attempts":3,"commandTry":2,
             "stepDeadline":"2025-06-01T10:04:00Z","createdAt":"2025-06-01T10:00:00Z","updatedAt":"2025-06-01T10:03:00Z",
             "history":[
               {"at":"2025-06-01T10:00:00.120Z","type":"STARTED","step":"create-order","messageType":"OrderPlaced",
                "messageId":"0d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a","detail":{}},
               {"at":"2025-06-01T10:00:00.300Z","type":"COMMAND_SENT","step":"reserve-inventory",
                "messageType":"ReserveInventory","messageId":"1d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a","detail":{"lines":"2"}},
               {"at":"2025-06-01T10:03:00Z","type":"COMMAND_SENT","step":"charge-payment","messageType":"ChargePayment",
                "messageId":"2d9e8f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a","detail":{"attempt":"3","reason":"deadline passed"}}
             ]}
            """.formatted(ORDER);

    static final String LIST = """
            [{"sagaId":"%1$s","definition":"create-order","definitionVersion":1,"state":"RUNNING","currentStep":2,
              "currentStepName":"charge-payment","attempts":3,"stepDeadline":"2025-06-01T10:04:00Z","overdue":true,
              "createdAt":"2025-06-01T10:00:00Z","updatedAt":"2025-06-01T10:03:00Z","failureReason":null},
             {"sagaId":"7c1d7b9f-4e2a-4d8b-8f3c-9e5a2b7d1f42","definition":"create-order","definitionVersion":1,
              "state":"COMPENSATING","currentStep":1,"currentStepName":"reserve-inventory","attempts":1,
              "stepDeadline":"2025-06-01T10:05:30Z","overdue":false,"createdAt":"2025-06-01T09:00:00Z",
              "updatedAt":"2025-06-01T10:05:00Z","failureReason":"payment declined"}]
            """.formatted(ORDER);

    static final String RETRIED = """
            {"sagaId":"%1$s","action":"retry","outcome":"RESENT","saga":
              {"sagaId":"%1$s","orderId":"%1$s","definition":"create-order","definitionVersion":1,"state":"RUNNING",
               "currentStep":2,"currentStepName":"charge-payment","attempts":4,"commandTry":1,
               "stepDeadline":"2025-06-01T10:05:33Z","createdAt":"2025-06-01T10:00:00Z",
               "updatedAt":"2025-06-01T10:05:03Z","history":[]}}
            """.formatted(ORDER);

    static final String NOT_FOUND = """
            {"title":"Saga not found","status":404,"detail":"No saga for order %s"}
            """.formatted(ORDER);

    static final String FINAL = """
            {"title":"Saga is final","status":409,"detail":"saga %s is COMPLETED; a final saga cannot be compensated"}
            """.formatted(ORDER);

    static final String BAD_STATE = """
            {"title":"Bad Request","status":400,"detail":"state: unknown value 'STUCK'"}
            """;

    private SagaJson() {
    }
}
