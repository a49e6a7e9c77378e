package dev.ordersaga.ops.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.SortedMap;

/** Column reading shared by the three databases' readers. */
final class Rows {

    private Rows() {
    }

    /** Adds the row's line, if the outer join found one; a SKU on several lines is summed, as inventory reserves it. */
    static void addLine(SortedMap<String, Integer> lines, ResultSet rows) throws SQLException {
        String sku = rows.getString("sku");
        if (sku != null) {
            lines.merge(sku, rows.getInt("quantity"), Integer::sum);
        }
    }

    /** A timestamptz column, or null. */
    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
