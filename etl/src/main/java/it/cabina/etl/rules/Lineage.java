package it.cabina.etl.rules;

import org.apache.spark.sql.Column;

import static org.apache.spark.sql.functions.col;

/** Lineage columns carried by every bronze row, and the order that makes one version of a record "later". */
public final class Lineage {
    public static final String DELIVERY_ID = "_delivery_id";
    public static final String DELIVERY_NAME = "_delivery_name";
    public static final String SENDER = "_sender";
    public static final String FILE = "_file";
    public static final String LINE = "_line";
    public static final String EXTRACTED_AT = "_extracted_at";
    public static final String PERIOD_FROM = "_period_from";
    public static final String PERIOD_TO = "_period_to";
    /** The spec_version the delivery declared (null for rows loaded before it was kept: read as 1.0). */
    public static final String SPEC_VERSION = "_spec_version";

    public static final String[] COLUMNS = {DELIVERY_ID, DELIVERY_NAME, SENDER, FILE, LINE, EXTRACTED_AT, SPEC_VERSION};

    private Lineage() {}

    /**
     * Latest version first: the latest {@code aggiornato_il}; on a tie the later delivery (by extraction time,
     * then delivery name), then the later line (extracts.md §2).
     */
    public static Column[] latestFirst(String versionTimestamp) {
        return new Column[]{col(versionTimestamp).desc_nulls_last(), col(EXTRACTED_AT).desc(), col(DELIVERY_NAME).desc(), col(LINE).desc()};
    }
}
