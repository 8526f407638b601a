package it.cabina.etl.context;

import it.cabina.etl.rules.SourceRules;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.CodeLists;
import it.cabina.warehouse.reference.Territory;
import it.cabina.warehouse.tables.DeltaStore;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a job needs, read once: configuration, reference data, rules, the Spark session and the warehouse. */
public record CabinaContext(CabinaConfig config, SparkSession spark, DeltaStore store, Territory territory,
                            CodeLists codeLists, Map<String, SourceRules> rules) {

    /** Sources in load order: AFAM first (FLUSSO rows are checked against its units), then CSI, then FLUSSO. */
    public static final List<String> SOURCES = List.of("AFAM", "CSI", "FLUSSO");

    public static CabinaContext create(CabinaConfig config, SparkSession spark) {
        Territory territory = Territory.load(config.comuniFile(), config.atsAsstFile(), config.ambitiFile(), config.regionCode());
        CodeLists codeLists = CodeLists.load(config.codelistsDir());
        return new CabinaContext(config, spark, new DeltaStore(spark, config.warehouse()), territory, codeLists, rules(config, codeLists));
    }

    /** The rules of every source, in load order (no Spark needed). */
    public static Map<String, SourceRules> rules(CabinaConfig config, CodeLists codeLists) {
        Map<String, SourceRules> rules = new LinkedHashMap<>();
        for (String s : SOURCES) {
            rules.put(s, SourceRules.load(config.rulesDir().resolve(s.toLowerCase() + ".yaml"), codeLists));
        }
        return java.util.Collections.unmodifiableMap(rules);
    }

    /** Whether this sender may send this source (cabina.yaml "senders"; AMBITI = every Ambito of the territory reference). */
    public boolean knownSender(String source, String sender) {
        List<String> allowed = config.senders().getOrDefault(source, List.of());
        return allowed.contains(sender) || (allowed.contains("AMBITI") && territory.ambito(sender) != null);
    }
}
