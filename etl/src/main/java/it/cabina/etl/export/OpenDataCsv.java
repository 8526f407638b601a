package it.cabina.etl.export;

import it.cabina.warehouse.published.SmallCells;
import it.cabina.warehouse.published.SmallCells.Cell;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;

/**
 * A table as the Region's open-data portal publishes CSV: UTF-8, {@code ;} between fields, decimal comma, a header
 * line with the (Italian) column names, lines ended by CRLF, fields quoted only when they hold {@code ;}, a quote or a
 * line break. Numbers are written with all their digits and no thousands separator ({@code 1234,5}), dates as
 * {@code yyyy-MM-dd}, timestamps as UTC instants ({@code 2027-01-15T09:30:00Z}); a count hidden by small-cell
 * protection is {@code <3}, any other missing value an empty field.
 */
final class OpenDataCsv {
    static final String SEPARATOR = ";";
    static final String DECIMAL_MARK = ",";

    private OpenDataCsv() {}

    static String text(StructType schema, List<Row> rows, List<Cell[]> cells, SmallCells protection) {
        StringBuilder out = new StringBuilder(String.join(SEPARATOR, schema.fieldNames())).append("\r\n");
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int i = 0; i < row.length(); i++) {
                if (i > 0) out.append(SEPARATOR);
                out.append(cells.get(r)[i] == Cell.SMALL_COUNT ? protection.hiddenText() : field(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String field(Object v) {
        if (v == null) return "";
        String s;
        if (v instanceof Double d) s = plain(new BigDecimal(Double.toString(d)));
        else if (v instanceof Float f) s = plain(new BigDecimal(Float.toString(f)));
        else if (v instanceof BigDecimal b) s = plain(b);
        else if (v instanceof Timestamp t) s = t.toInstant().toString();
        else s = v.toString();
        return s.contains(SEPARATOR) || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** All the digits, no exponent, the decimal comma; trailing zeros kept as the type has them (money: two decimals). */
    private static String plain(BigDecimal b) {
        return b.toPlainString().replace(".", DECIMAL_MARK);
    }
}
