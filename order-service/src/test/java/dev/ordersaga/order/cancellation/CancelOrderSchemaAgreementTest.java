package dev.ordersaga.order.cancellation;

import static dev.ordersaga.order.SchemaAgreement.Case.invalid;
import static dev.ordersaga.order.SchemaAgreement.Case.valid;

import dev.ordersaga.order.SchemaAgreement;
import dev.ordersaga.order.SchemaAgreement.Case;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.intake.CancelOrder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CancelOrder.v1.json and this service accept and reject the same requests, judged by the published schema and
 * by the code path (strict decoding, then {@link CancelOrderValidator}). No CancelOrder rule spans fields.
 */
class CancelOrderSchemaAgreementTest {

    private static final String ORDER_ID = "\"5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31\"";
    private static final String EMOJI = "\uD83D\uDE00";

    private final SchemaAgreement<CancelOrder> judges =
            new SchemaAgreement<>(MessageType.CANCEL_ORDER, new CancelOrderValidator()::validate);

    static Stream<Case> boundaryDocuments() {
        return Stream.of(
                valid("no reason", "{\"orderId\":" + ORDER_ID + "}"),
                valid("a null reason", cancel("null")),
                valid("an empty reason", cancel("\"\"")),
                valid("a reason of 500 characters", cancel("\"" + "r".repeat(500) + "\"")),
                invalid("a reason of 501 characters", cancel("\"" + "r".repeat(501) + "\"")),
                valid("a reason of 500 emoji (1000 UTF-16 units)", cancel("\"" + EMOJI.repeat(500) + "\"")),
                invalid("a reason of 501 emoji", cancel("\"" + EMOJI.repeat(501) + "\"")),
                valid("a reason over lines, with a tab", cancel("\"changed\\n\\tmy mind\"")),
                invalid("a reason with U+0000", cancel("\"changed\\u0000mind\"")),
                invalid("a reason that is a number", cancel("42")),
                invalid("a reason that is a boolean", cancel("true")),
                invalid("a reason that is an array", cancel("[\"changed my mind\"]")),
                valid("an orderId in upper case", "{\"orderId\":" + ORDER_ID.toUpperCase() + "}"),
                invalid("an orderId that is no UUID", "{\"orderId\":\"order-42\"}"),
                invalid("an orderId with a trailing newline", "{\"orderId\":" + ORDER_ID.replace("1\"", "1\\n\"") + "}"),
                invalid("an orderId as 24 characters of Base64", "{\"orderId\":\"Wwxqjj8dTHqeK41PGmwOMQ==\"}"),
                invalid("an orderId that is a number", "{\"orderId\":42}"),
                invalid("an empty orderId", "{\"orderId\":\"\"}"),
                invalid("a null orderId", "{\"orderId\":null}"),
                invalid("no orderId", "{\"reason\":\"changed my mind\"}"),
                valid("a field added later", "{\"orderId\":" + ORDER_ID + ",\"channel\":\"mobile\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaryDocuments")
    void schemaAndCodeGiveTheSameVerdict(Case document) {
        judges.assertBothJudge(document);
    }

    private static String cancel(String reason) {
        return "{\"orderId\":" + ORDER_ID + ",\"reason\":" + reason + "}";
    }
}
