package it.cabina.reports.data;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small query results brought to the driver as rows of column → value (decimals as doubles, for the templates). */
public final class Rows {
    private Rows() {}

    public static List<Map<String, Object>> collect(Dataset<Row> ds) {
        String[] names = ds.columns();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : ds.collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                Object v = r.get(i);
                m.put(names[i], v instanceof BigDecimal b ? b.doubleValue() : v);
            }
            out.add(m);
        }
        return out;
    }

    public static Double number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : v.toString();
    }
}
