package it.cabina.etl.aggregates;

import it.cabina.warehouse.model.SqlModels;
import it.cabina.warehouse.tables.DeltaStore;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.SparkSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an aggregate is computed from: the hash of its SQL, the state ({@link DeltaStore#stamp}) of every star-schema
 * table it reads and the hash of the rows of the small views it reads (the levels, the semesters shown). The text is
 * recorded in the commit that writes the aggregate; when a night finds the same text, the SQL would write the same rows
 * again and the aggregate is kept as it is. This is what spares agg_prestazioni and agg_spesa, which read only the
 * FLUSSO rows (the bulk of the warehouse), on a night with CSI deliveries only.
 * <p>An SQL that reads anything else (the run date, the ledger, the quarantine, a view it does not know) has no
 * inputs text: its aggregate is rebuilt every night.
 */
final class AggregateInputs {
    /** Views of a few hundred rows, derived from the run date and the territory: compared by content. */
    static final List<String> SMALL_VIEWS = List.of("livelli", "semestri");
    private static final Map<String, Table> STAR = Tables.star().stream().collect(Collectors.toMap(Table::name, Function.identity()));

    private final SparkSession spark;
    private final DeltaStore store;
    /** The state of each name read, looked up once per build: the aggregates write none of them. */
    private final Map<String, Optional<String>> states = new HashMap<>();

    AggregateInputs(SparkSession spark, DeltaStore store) {
        this.spark = spark;
        this.store = store;
    }

    /** The inputs of {@code sql} as text, or empty when it reads something whose state cannot be told. */
    Optional<String> of(String sql) {
        Optional<Set<String>> reads = SqlModels.namesRead(sql);
        if (reads.isEmpty()) return Optional.empty();
        StringBuilder text = new StringBuilder("sql=").append(sha256(sql));
        for (String name : reads.get()) {
            Optional<String> state = states.computeIfAbsent(name, this::stateOf);
            if (state.isEmpty()) return Optional.empty();
            text.append(", ").append(name).append('=').append(state.get());
        }
        return Optional.of(text.toString());
    }

    private Optional<String> stateOf(String name) {
        Table table = STAR.get(name);
        if (table != null && store.exists(table)) return Optional.of(store.stamp(table));
        if (SMALL_VIEWS.contains(name)) {
            return Optional.of(sha256(String.join("\n", spark.table(name).toJSON().collectAsList().stream().sorted().toList())));
        }
        return Optional.empty();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
