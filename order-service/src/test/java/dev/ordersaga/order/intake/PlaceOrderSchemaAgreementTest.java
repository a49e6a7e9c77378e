package dev.ordersaga.order.intake;

import static dev.ordersaga.order.SchemaAgreement.Case.invalid;
import static dev.ordersaga.order.SchemaAgreement.Case.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.order.SchemaAgreement;
import dev.ordersaga.order.SchemaAgreement.Case;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.intake.PlaceOrder;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PlaceOrder.v1.json and this service accept and reject the same requests: boundary documents just inside and
 * just outside every limit, the numbers Jackson would coerce, and every whitespace and control character, each
 * judged by the published schema and by the code path (strict decoding, then {@link PlaceOrderValidator}).
 * What the schema cannot state is pinned down as such: how an integer is written, and the rules that span
 * fields.
 */
class PlaceOrderSchemaAgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_ID = "5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31";
    private static final String EMOJI = "\uD83D\uDE00";
    private static final String LINE = line(text("BOOK-1"), "2", "4999");
    private static final String LONG_MAX = Long.toString(Long.MAX_VALUE);
    /** Leaves a field out of a document. */
    private static final String MISSING = "MISSING";

    private final SchemaAgreement<PlaceOrder> judges =
            new SchemaAgreement<>(MessageType.PLACE_ORDER, new PlaceOrderValidator()::validate);

    static Stream<Case> boundaryDocuments() {
        return Stream.of(orderIds(), customerIds(), currencies(), lines(), skus(), quantities(), unitPrices(),
                        fieldsAddedLater())
                .flatMap(cases -> cases);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundaryDocuments")
    void schemaAndCodeGiveTheSameVerdict(Case document) {
        judges.assertBothJudge(document);
    }

    /** JSON Schema counts 2.0 and 1e3 as integers; the service does not, and the schema's descriptions say so. */
    @ParameterizedTest
    @MethodSource("integersWrittenAsDecimals")
    void jsonSchemaCannotSeeHowAnIntegerIsWrittenSoTheCodeAloneRefusesADecimalLiteral(String document) {
        assertThat(judges.schemaAccepts(document)).isTrue();
        assertThat(judges.codeAccepts(document)).isFalse();
    }

    static Stream<String> integersWrittenAsDecimals() {
        return Stream.of("2.0", "1e3", "1E3", "1.0e1").flatMap(literal -> Stream.of(
                order(line(text("SKU"), literal, "1")),
                order(line(text("SKU"), "1", literal))));
    }

    @Test
    void theIntegerFieldsDescriptionsSayHowAnIntegerMustBeWritten() {
        JsonNode line = judges.schemaDocument().at("/properties/lines/items/properties");

        assertThat(line.at("/quantity/description").asText()).contains("2.0, 1e3 and \"2\" are refused");
        assertThat(line.at("/unitPrice/description").asText()).contains("2.0, 1e3 and \"2\" are refused");
    }

    /** The only rules the schema leaves to the code, as its description says: prices that do not fit a long. */
    @Test
    void rulesThatSpanFieldsLiveInTheCodeAloneAsTheSchemaSays() {
        String linePriceOverflows = order(line(text("GOLD"), "2", LONG_MAX));
        String totalOverflows = order(line(text("GOLD"), "1", LONG_MAX) + "," + line(text("PIN"), "1", "1"));

        assertThat(judges.schemaAccepts(linePriceOverflows)).isTrue();
        assertThat(judges.codeAccepts(linePriceOverflows)).isFalse();
        assertThat(judges.schemaAccepts(totalOverflows)).isTrue();
        assertThat(judges.codeAccepts(totalOverflows)).isFalse();
        assertThat(judges.schemaDocument().path("description").asText())
                .contains("Two rules span fields and live in code only");
    }

    @Test
    void theSchemaListsExactlyTheCurrenciesTheServiceAccepts() {
        Set<String> listed = new HashSet<>();
        judges.schemaDocument().at("/properties/currency/enum").forEach(code -> listed.add(code.asText()));

        assertThat(listed).isEqualTo(IsoCurrencyCodes.ALL);
    }

    private static Stream<Case> orderIds() {
        return Stream.of(
                valid("orderId in lower case", order(text(ORDER_ID), null, null, null)),
                valid("orderId in upper case", order(text(ORDER_ID.toUpperCase()), null, null, null)),
                invalid("orderId that is no UUID", order(text("not-a-uuid"), null, null, null)),
                invalid("orderId of 35 characters", order(text(ORDER_ID.substring(1)), null, null, null)),
                invalid("orderId of 37 characters", order(text(ORDER_ID + "0"), null, null, null)),
                invalid("orderId with a trailing newline", order(text(ORDER_ID + "\n"), null, null, null)),
                invalid("orderId with a leading space", order(text(" " + ORDER_ID), null, null, null)),
                invalid("orderId in braces", order(text("{" + ORDER_ID + "}"), null, null, null)),
                invalid("orderId without hyphens", order(text(ORDER_ID.replace("-", "")), null, null, null)),
                invalid("orderId with a hyphen moved", order(text("5b0c6a8e3-f1d-4c7a-9e2b-8d4f1a6c0e31"), null, null, null)),
                invalid("orderId with a non-hex digit", order(text(ORDER_ID.replace('e', 'g')), null, null, null)),
                invalid("orderId as 24 characters of Base64", order(text("Wwxqjj8dTHqeK41PGmwOMQ=="), null, null, null)),
                invalid("orderId empty", order(text(""), null, null, null)),
                invalid("orderId null", order("null", null, null, null)),
                invalid("orderId a number", order("12", null, null, null)),
                invalid("orderId missing", order(MISSING, null, null, null)));
    }

    private static Stream<Case> customerIds() {
        return Stream.concat(Stream.of(
                        valid("customerId of 1 character", order(null, text("c"), null, null)),
                        valid("customerId of 64 characters", order(null, text("c".repeat(64)), null, null)),
                        invalid("customerId of 65 characters", order(null, text("c".repeat(65)), null, null)),
                        valid("customerId of 64 emoji (128 UTF-16 units)", order(null, text(EMOJI.repeat(64)), null, null)),
                        invalid("customerId of 65 emoji", order(null, text(EMOJI.repeat(65)), null, null)),
                        invalid("customerId empty", order(null, text(""), null, null)),
                        invalid("customerId null", order(null, "null", null, null)),
                        invalid("customerId a number", order(null, "42", null, null)),
                        invalid("customerId a boolean", order(null, "true", null, null)),
                        invalid("customerId missing", order(null, MISSING, null, null))),
                identifierCharacters("customerId", value -> order(null, text(value), null, null)));
    }

    private static Stream<Case> currencies() {
        return Stream.concat(
                IsoCurrencyCodes.ALL.stream().sorted().map(code -> valid("currency " + code, order(null, null, text(code), null))),
                Stream.of(
                        invalid("currency in lower case", order(null, null, text("eur"), null)),
                        invalid("currency of 4 letters", order(null, null, text("EURO"), null)),
                        invalid("currency of 2 letters", order(null, null, text("EU"), null)),
                        invalid("currency not in ISO-4217", order(null, null, text("ABC"), null)),
                        invalid("currency with a trailing newline", order(null, null, text("EUR\n"), null)),
                        invalid("currency with a leading space", order(null, null, text(" EUR"), null)),
                        invalid("currency empty", order(null, null, text(""), null)),
                        invalid("currency as its ISO number", order(null, null, "978", null)),
                        invalid("currency null", order(null, null, "null", null)),
                        invalid("currency missing", order(null, null, MISSING, null))));
    }

    private static Stream<Case> lines() {
        return Stream.of(
                valid("1 line", order(LINE)),
                valid("100 lines", order(String.join(",", Collections.nCopies(100, LINE)))),
                invalid("101 lines", order(String.join(",", Collections.nCopies(101, LINE)))),
                invalid("no line", order("")),
                invalid("a null line", order(LINE + ",null")),
                invalid("a line that is a number", order("1")),
                invalid("a line that is a string", order(text("BOOK-1"))),
                invalid("lines an object", order(null, null, null, LINE)),
                invalid("lines a string", order(null, null, null, text("BOOK-1"))),
                invalid("lines null", order(null, null, null, "null")),
                invalid("lines missing", order(null, null, null, MISSING)));
    }

    private static Stream<Case> skus() {
        return Stream.concat(Stream.of(
                        valid("sku of 64 characters", order(line(text("S".repeat(64)), "1", "1"))),
                        invalid("sku of 65 characters", order(line(text("S".repeat(65)), "1", "1"))),
                        valid("sku of 64 emoji", order(line(text(EMOJI.repeat(64)), "1", "1"))),
                        invalid("sku of 65 emoji", order(line(text(EMOJI.repeat(65)), "1", "1"))),
                        invalid("sku empty", order(line(text(""), "1", "1"))),
                        invalid("sku a number", order(line("12", "1", "1"))),
                        invalid("sku null", order(line("null", "1", "1"))),
                        invalid("sku missing", order(line(MISSING, "1", "1")))),
                identifierCharacters("sku", value -> order(line(text(value), "1", "1"))));
    }

    private static Stream<Case> quantities() {
        return Stream.of(
                valid("quantity 1", order(line(text("SKU"), "1", "1"))),
                valid("quantity 10000", order(line(text("SKU"), "10000", "1"))),
                invalid("quantity 0", order(line(text("SKU"), "0", "1"))),
                invalid("quantity -0", order(line(text("SKU"), "-0", "1"))),
                invalid("quantity -1", order(line(text("SKU"), "-1", "1"))),
                invalid("quantity 10001", order(line(text("SKU"), "10001", "1"))),
                invalid("quantity over an int", order(line(text("SKU"), "2147483648", "1"))),
                invalid("quantity 2.5", order(line(text("SKU"), "2.5", "1"))),
                invalid("quantity \"2\"", order(line(text("SKU"), text("2"), "1"))),
                invalid("quantity true", order(line(text("SKU"), "true", "1"))),
                invalid("quantity null", order(line(text("SKU"), "null", "1"))),
                invalid("quantity missing", order(line(text("SKU"), MISSING, "1"))));
    }

    private static Stream<Case> unitPrices() {
        return Stream.of(
                valid("unitPrice 0", order(line(text("SKU"), "1", "0"))),
                valid("unitPrice -0", order(line(text("SKU"), "1", "-0"))),
                valid("unitPrice the largest long", order(line(text("SKU"), "1", LONG_MAX))),
                invalid("unitPrice -1", order(line(text("SKU"), "1", "-1"))),
                invalid("unitPrice over a long",
                        order(line(text("SKU"), "1", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE).toString()))),
                invalid("unitPrice of 20 digits", order(line(text("SKU"), "1", "9".repeat(20)))),
                invalid("unitPrice 49.99", order(line(text("SKU"), "1", "49.99"))),
                invalid("unitPrice \"4999\"", order(line(text("SKU"), "1", text("4999")))),
                invalid("unitPrice false", order(line(text("SKU"), "1", "false"))),
                invalid("unitPrice null", order(line(text("SKU"), "1", "null"))),
                invalid("unitPrice missing", order(line(text("SKU"), "1", MISSING))));
    }

    private static Stream<Case> fieldsAddedLater() {
        String line = LINE.replace("{", "{\"giftWrap\":true,");
        return Stream.of(
                valid("a field added later, in the order and in a line",
                        order(line).replace("{\"orderId\"", "{\"channel\":{\"app\":\"mobile\"},\"orderId\"")));
    }

    /**
     * Every whitespace, space and control character of the basic plane, alone and after a letter: blank is
     * what {@link String#isBlank()} calls blank; control is U+0000 to U+001F and U+007F.
     */
    private static Stream<Case> identifierCharacters(String field, Function<String, String> document) {
        List<Case> cases = new ArrayList<>();
        IntStream.rangeClosed(0, 0xFFFF)
                .filter(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                        || c == 0x180E || c == 0x200B || c == 0x2060 || c == 0xFEFF)
                .forEach(c -> {
                    String character = String.valueOf((char) c);
                    boolean control = c < 0x20 || c == 0x7F;
                    String name = field + " U+" + String.format("%04X", c);
                    cases.add(new Case(name + " alone", document.apply(character), !Character.isWhitespace(c) && !control));
                    cases.add(new Case(name + " after a letter", document.apply("a" + character), !control));
                });
        return cases.stream();
    }

    /** A valid order but for the given raw JSON values; null keeps the valid one, {@link #MISSING} leaves it out. */
    private static String order(String orderId, String customerId, String currency, String lines) {
        StringBuilder json = new StringBuilder("{");
        field(json, "orderId", orderId, text(ORDER_ID));
        field(json, "customerId", customerId, text("customer-1"));
        field(json, "currency", currency, text("EUR"));
        field(json, "lines", lines, "[" + LINE + "]");
        return json.append('}').toString();
    }

    private static String order(String lines) {
        return order(null, null, null, "[" + lines + "]");
    }

    private static String line(String sku, String quantity, String unitPrice) {
        StringBuilder json = new StringBuilder("{");
        field(json, "sku", sku, null);
        field(json, "quantity", quantity, null);
        field(json, "unitPrice", unitPrice, null);
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value, String otherwise) {
        String raw = value == null ? otherwise : value;
        if (MISSING.equals(raw)) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":").append(raw);
    }

    private static String text(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
