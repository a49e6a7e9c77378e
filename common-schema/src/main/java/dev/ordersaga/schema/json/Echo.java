package dev.ordersaga.schema.json;

/**
 * A producer's value as any answer may repeat it (a rejection, a 400, a dead-letter reason): quoted, at most
 * {@link #MAX_CODE_POINTS} code points, control characters replaced. Whatever a producer sends, what is
 * echoed stays small, and it stays storable (PostgreSQL's text and jsonb refuse U+0000).
 */
public final class Echo {

    public static final int MAX_CODE_POINTS = 16;
    private static final String ELLIPSIS = "\u2026";
    private static final int REPLACEMENT = 0xFFFD;

    private Echo() {
    }

    /** @return {@code 'value'}, or {@code 'its first 16 code points…'} when it is longer; {@code null} unquoted */
    public static String quote(String value) {
        return quote(value, MAX_CODE_POINTS);
    }

    /** Like {@link #quote(String)}, with room for a longer name where that helps (a header in a dead-letter reason). */
    public static String quote(String value, int maxCodePoints) {
        return value == null ? "null" : "'" + prefix(value, maxCodePoints) + "'";
    }

    /**
     * Unquoted, for a log field: at most {@code maxCodePoints} code points (then an ellipsis), control characters
     * replaced, so a producer's value can neither flood a log line nor forge one; {@code null} stays null.
     */
    public static String prefix(String value, int maxCodePoints) {
        if (value == null) {
            return null;
        }
        StringBuilder prefix = new StringBuilder(Math.min(value.length(), maxCodePoints) + 1);
        int codePoints = 0;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            if (codePoints == maxCodePoints) {
                return prefix.append(ELLIPSIS).toString();
            }
            int codePoint = value.codePointAt(i);
            prefix.appendCodePoint(Character.isISOControl(codePoint) ? REPLACEMENT : codePoint);
            codePoints++;
        }
        return prefix.toString();
    }
}
