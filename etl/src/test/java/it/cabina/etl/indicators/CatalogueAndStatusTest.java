package it.cabina.etl.indicators;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.reference.CodeLists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static it.cabina.etl.indicators.Status.Reason.*;
import static it.cabina.etl.indicators.Status.*;
import static org.junit.jupiter.api.Assertions.*;

class CatalogueAndStatusTest {
    final CabinaConfig config = CabinaConfig.load();
    final CodeLists codeLists = CodeLists.load(config.codelistsDir());

    /** The 26 indicators of contract 1.0/1.1 (shared/spec/indicators.md); the catalogue may hold more. */
    static final java.util.List<String> CONTRACT_1_1 = java.util.List.of("SAD-01", "SAD-02", "SAD-03", "DIM-01", "DIM-02", "DIM-03",
            "DIM-04", "CAR-01", "EEM-01", "EEM-02", "EEM-03", "EEM-04", "PUA-01", "PUA-02", "PUA-03", "PIP-01", "PIP-02", "PIP-03",
            "PIP-04", "DDN-01", "VAL-01", "CAS-01", "CAS-02", "CAS-03", "CSI-01", "FLU-01");

    @Test
    void theProjectCatalogueLoadsWithEveryIndicatorOfTheContract() {
        IndicatorCatalog c = IndicatorCatalog.load(config.home().resolve("conf/indicators.yaml"), codeLists);
        assertTrue(c.indicators().stream().map(IndicatorCatalog.Indicator::code).toList().containsAll(CONTRACT_1_1));
        assertTrue(c.get("CAS-01").perAmbito() && c.get("CAS-02").perAmbito() && !c.get("CAS-03").perAmbito(),
                "CAS-01 and CAS-02 are means per Ambito above the Ambito (contract 1.1)");
        assertEquals(java.util.List.of(2025, 2026, 2027), c.triennio().years());
        assertEquals(new YearRule(YearRule.Kind.ALMENO, 75.0), c.get("SAD-01").rule(2026));
        assertEquals(YearRule.NONE, c.get("CSI-01").rule(2025));
    }

    @Test
    void rulesParse() {
        assertEquals(new YearRule(YearRule.Kind.PIU_DI, 8.0), YearRule.parse("PIU_DI 8"));
        assertEquals(new YearRule(YearRule.Kind.ALMENO, 40.5), YearRule.parse("almeno 40,5"));
        assertEquals(YearRule.Kind.CRESCITA, YearRule.parse("CRESCITA").kind());
        assertEquals("≥ 100", YearRule.parse("ALMENO 100").label());
        assertThrows(IllegalArgumentException.class, () -> YearRule.parse("AL MENO 50"));
    }

    @Test
    void statusesFollowTheRules() {
        assertEquals(RAGGIUNTO, of(YearRule.parse("ALMENO 50"), 50.0, null, null).status(), "ALMENO is >=");
        assertEquals(NON_RAGGIUNTO, of(YearRule.parse("PIU_DI 8"), 8.0, null, null).status(), "PIU_DI is >");
        assertEquals(RAGGIUNTO, of(YearRule.parse("CRESCITA"), 3.0, null, 2.0).status());
        assertEquals(NON_RAGGIUNTO, of(YearRule.parse("CRESCITA"), 2.0, null, 2.0).status(), "equal is not growth");
        assertEquals(RAGGIUNTO, of(YearRule.parse("RIDUZIONE"), 1.0, null, 2.0).status());
        assertEquals(new Outcome(NON_CALCOLABILE, ANNO_PRECEDENTE_MANCANTE), of(YearRule.parse("RIDUZIONE"), 1.0, null, null));
        assertEquals(BASELINE, of(YearRule.parse("BASELINE"), 0.0, null, null).status());
        assertEquals(MONITORAGGIO, of(YearRule.NONE, 0.0, null, null).status());
        assertEquals(new Outcome(NON_CALCOLABILE, DENOMINATORE_ZERO), of(YearRule.parse("ALMENO 50"), null, DENOMINATORE_ZERO, null));
    }

    private IndicatorCatalog load(Path dir, String indicatorYaml) throws Exception {
        Path f = dir.resolve("indicators.yaml");
        Files.writeString(f, "triennio: {dal: 2025, al: 2027}\nindicators:\n" + indicatorYaml);
        return IndicatorCatalog.load(f, codeLists, IndicatorViews.load(config.home().resolve("conf/views")));
    }

    @Test
    void aBrokenEntryIsNamedInTheError(@TempDir Path dir) {
        String ok = "  - {code: X-01, titolo: Prova, area: A, tipo: conteggio, numeratore: {vista: v_attivita, misura: count(*)}";
        ConfigException unknownView = assertThrows(ConfigException.class,
                () -> load(dir, "  - {code: X-01, titolo: Prova, tipo: conteggio, numeratore: {vista: v_nope, misura: count(*)}}\n"));
        assertTrue(unknownView.getMessage().contains("indicatore X-01") && unknownView.getMessage().contains("unknown view 'v_nope'"), unknownView.getMessage());
        ConfigException badRule = assertThrows(ConfigException.class, () -> load(dir, ok + ", regole: {2026: QUASI 50}}\n"));
        assertTrue(badRule.getMessage().contains("indicatore X-01") && badRule.getMessage().contains("QUASI 50"), badRule.getMessage());
        ConfigException outside = assertThrows(ConfigException.class, () -> load(dir, ok + ", regole: {2028: CRESCITA}}\n"));
        assertTrue(outside.getMessage().contains("outside the triennium"), outside.getMessage());
        ConfigException noDen = assertThrows(ConfigException.class,
                () -> load(dir, "  - {code: X-02, titolo: Prova, tipo: percentuale, numeratore: {vista: v_attivita, misura: count(*)}}\n"));
        assertTrue(noDen.getMessage().contains("indicatore X-02") && noDen.getMessage().contains("denominatore"), noDen.getMessage());
    }

    @Test
    void viewsAreCheckedBeforeAnythingIsLoaded(@TempDir Path dir) throws Exception {
        Path views = Files.createDirectories(dir.resolve("views"));
        Files.writeString(views.resolve("v_a.sql"), "-- grain: one row per case\n-- columns: codice_ambito, anno\nselect codice_ambito, anno from v_b\n");
        Files.writeString(views.resolve("v_b.sql"), "-- grain: one row per case\n-- columns: codice_ambito, anno\nselect codice_ambito, anno from v_a\n");
        ConfigException cycle = assertThrows(ConfigException.class, () -> IndicatorViews.load(views));
        assertEquals("conf/views: the views [v_a, v_b] read one another in a cycle", cycle.getMessage());
        Files.writeString(views.resolve("v_b.sql"), "-- grain: one row per case\n-- columns: codice_ambito, anno\nselect codice_ambito, 2025 as anno from fact_cases\n");
        ConfigException unknown = assertThrows(ConfigException.class, () -> IndicatorViews.load(views));
        assertTrue(unknown.getMessage().startsWith("conf/views/v_b.sql: reads 'fact_cases', which is neither a view nor a table"), unknown.getMessage());
        Files.writeString(views.resolve("v_b.sql"), "-- columns: codice_ambito, anno\nselect codice_ambito, 2025 as anno from fact_case\n");
        ConfigException noGrain = assertThrows(ConfigException.class, () -> IndicatorViews.load(views));
        assertEquals("conf/views/v_b.sql: the header needs '-- grain: one row per …'", noGrain.getMessage());
        Files.writeString(views.resolve("v_b.sql"), "-- grain: one row per case\n-- key: chiave\n-- columns: codice_ambito, anno\nselect codice_ambito, 2025 as anno from fact_case\n");
        ConfigException badKey = assertThrows(ConfigException.class, () -> IndicatorViews.load(views));
        assertEquals("conf/views/v_b.sql: key column 'chiave' is not among its columns", badKey.getMessage());
        Files.writeString(views.resolve("v_b.sql"), "-- grain: one row per case\n-- columns: codice_ambito, anno\nselect codice_ambito, 2025 as anno from fact_case\n");
        IndicatorViews ok = IndicatorViews.load(views);
        assertEquals(List.of("v_b", "v_a"), ok.all().stream().map(IndicatorView::name).toList(), "a view comes after the views it reads");
    }

    @Test
    void theProjectViewsAreAllReadAndOrdered() {
        IndicatorViews views = IndicatorViews.load(config.home().resolve("conf/views"));
        assertTrue(views.names().containsAll(List.of("v_progetti_anno", "v_valutazioni", "v_attivita", "v_casi_anno", "v_flusso_semestri")));
        views.all().forEach(v -> assertTrue(v.columns().containsAll(List.of("codice_ambito", "anno")), v.name()));
        assertEquals("chiave_progetto", views.rowKey("v_progetti_anno"));
        assertEquals(java.util.Set.of("chiave_progetto", "chiave_caso"), views.ambitoKeys("v_progetti_anno"));
    }

    @Test
    void statusesOfTheYearInProgress() {
        assertEquals(IN_CORSO, of(YearRule.parse("ALMENO 50"), 0.0, null, null, true).status(), "shown, not judged");
        assertEquals(IN_CORSO, of(YearRule.parse("CRESCITA"), 3.0, null, null, true).status(), "no previous value needed");
        assertEquals(new Outcome(NON_CALCOLABILE, NESSUN_DATO), of(YearRule.parse("ALMENO 50"), null, NESSUN_DATO, null, true));
    }

    @Test
    void singleAggregateCallsAreRecognisedAndTakeAFilter() {
        assertEquals("count(*) filter (where ha_sad)", call(" count(*) ").sql("ha_sad"));
        assertEquals("count(chiave_progetto)", call("count(distinct  chiave_progetto)").withoutDistinct().sql(null));
        AggregateCall distinct = call("COUNT(DISTINCT chiave_caso)");
        assertTrue(distinct.distinct());
        assertEquals("chiave_caso", distinct.argument());
        assertEquals("count(distinct chiave_caso) filter (where a = 'x')", distinct.sql("a = 'x'"));
        assertEquals("sum(giorni_attesa)", call("sum(giorni_attesa)").sql(null));
        assertEquals("coalesce(sum(durata_ore) filter (where verbalizzata), 0)", call("coalesce(sum(durata_ore), 0)").sql("verbalizzata"));
        assertEquals("coalesce(sum(durata_ore), 0)", call("coalesce (sum( durata_ore ), 0)").sql(null));
        assertEquals("sum(case when esito = ')' then 1 end)", call("sum(case when esito = ')' then 1 end)").sql(null));
        for (String notOneCall : java.util.List.of("sum(a) / sum(b)", "sum(distinct giorni_attesa)", "coalesce(sum(durata_ore), 1)",
                "max(giorni_attesa)", "avg(giorni_attesa)", "sum(a) filter (where b)", "count(distinct chiave_progetto, pseudonimo)",
                "count(distinct *)", "sum(*)", "count(all x)", "coalesce(count(x), 0)", "counter(x)")) {
            assertEquals(java.util.Optional.empty(), AggregateCall.parse(notOneCall), notOneCall);
        }
    }

    private static AggregateCall call(String misura) {
        return AggregateCall.parse(misura).orElseThrow(() -> new AssertionError("not recognised: " + misura));
    }
}
