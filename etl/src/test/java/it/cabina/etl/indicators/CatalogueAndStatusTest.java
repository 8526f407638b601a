package it.cabina.etl.indicators;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.reference.CodeLists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static it.cabina.etl.indicators.Status.Reason.*;
import static it.cabina.etl.indicators.Status.*;
import static org.junit.jupiter.api.Assertions.*;

class CatalogueAndStatusTest {
    final CabinaConfig config = CabinaConfig.load();
    final CodeLists codeLists = CodeLists.load(config.codelistsDir());

    @Test
    void theProjectCatalogueLoadsWithAll26Indicators() {
        IndicatorCatalog c = IndicatorCatalog.load(config.home().resolve("conf/indicators.yaml"), codeLists, IndicatorViews.names());
        assertEquals(26, c.indicators().size());
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
        return IndicatorCatalog.load(f, codeLists, IndicatorViews.names());
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
