package it.cabina.etl.sources;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.rules.SourceRules;
import it.cabina.warehouse.tables.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bronze stage loads file types side by side ({@link SourceLoader#loadAll}); a file type waits for those whose
 * bronze tables its cross-record rules read. These are the waits the rules of conf/rules declare.
 */
class BronzeLoadOrderTest {

    static Table bronze(String source, String file) {
        SourceRules rules = RowCheckerTest.rules(source);
        return SourceLoader.bronze(rules, rules.files().stream().filter(f -> f.name().equals(file)).findFirst().orElseThrow());
    }

    static Set<Table> reads(String source, String file) {
        SourceRules rules = RowCheckerTest.rules(source);
        return SourceLoader.reads(rules, rules.files().stream().filter(f -> f.name().equals(file)).findFirst().orElseThrow());
    }

    @Test
    void aFileTypeWaitsForTheTablesItsRulesRead() {
        assertEquals(Set.of(), reads("CSI", "persone.csv"));
        assertEquals(Set.of(bronze("CSI", "persone.csv")), reads("CSI", "prese_in_carico.csv"), "references: persone");
        assertEquals(Set.of(bronze("CSI", "prese_in_carico.csv")), reads("CSI", "valutazioni.csv"),
                "references and not_before_referenced: prese_in_carico");
        assertEquals(Set.of(bronze("CSI", "persone.csv")), reads("CSI", "dimissioni_protette.csv"));
        assertEquals(Set.of(bronze("AFAM", "unita_offerta.csv")), reads("FLUSSO", "prestazioni.csv"),
                "warn_unknown reads the AFAM units: another source");
    }

    @Test
    void everyTableReadIsLoadedEarlierInTheOrderOfTheSourcesAndTheirRules() {
        List<Table> loaded = new ArrayList<>();
        for (String source : CabinaContext.SOURCES) {
            SourceRules rules = RowCheckerTest.rules(source);
            for (SourceRules.FileRules f : rules.files()) {
                for (Table t : SourceLoader.reads(rules, f)) {
                    assertTrue(loaded.contains(t), source + " " + f.name() + " reads " + t + " before it is loaded: " + loaded);
                }
                loaded.add(SourceLoader.bronze(rules, f));
            }
        }
    }
}
