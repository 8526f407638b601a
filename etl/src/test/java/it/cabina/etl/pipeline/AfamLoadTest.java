package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.etl.testing.TestDeliveries;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A real regional AFAM export (199 units, see src/test/resources/afam/README.md) and a later snapshot that
 * closes one unit, changes the capacity of another and opens a new one; then two snapshots of the same day (contract
 * 1.1): the morning one brings the closed unit back, renames a unit and changes another's type, and has two rows set
 * aside; the evening one, the registry at the end of that day, drops a unit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AfamLoadTest {
    CabinaContext ctx;
    List<String> lines;
    long realPlaces;
    NightlyResult first;

    @BeforeAll
    void load() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/afam/unita_offerta.csv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(String.join("\n", lines))) {
            realPlaces = it.readAll().stream().mapToLong(r -> Long.parseLong(r.get("NR_POSTI"))).sum();
        }
        Path tmp = Files.createTempDirectory("cabina-afam-test");
        Path landing = tmp.resolve("landing");
        ctx = CabinaContext.create(SparkTestSession.config().withPaths(landing.toString(), tmp.resolve("wh").toString(), null), SparkTestSession.get());
        String header = lines.get(0);
        List<String> units = lines.subList(1, lines.size());
        TestDeliveries.of(landing, "AFAM", "RL", "20250630T230000").extractedAt("2025-06-30T23:00:00+02:00")
                .file("unita_offerta.csv", header, units.toArray(String[]::new)).write();
        Pseudonymizer p = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));
        // the first two snapshots are only loaded (up to the ledger); the third night builds the model from all four
        first = new Nightly(ctx, p, Progress.silent()).run(new NightlyOptions(LocalDate.of(2025, 7, 1), false).until(StageId.LEDGER));

        List<String> later = new ArrayList<>(units);
        later.remove(0);                                              // unit of line 2 ceases
        later.set(0, later.get(0).replace(",CENTRO DIURNI ANZIANI,054534,", ",CENTRO DIURNI ANZIANI,054534,")
                .replaceFirst("(,054534,\"CENTRO DIURNO ANZIANI \"\"ISOLINO VIRGINIA\"\"\",)100,", "$1120,")); // capacity 100 -> 120
        later.add(units.get(5).replaceFirst("^((?:[^,]*,){10})\\d{6},", "$1999999,")); // a new unit
        TestDeliveries.of(landing, "AFAM", "RL", "20251231T230000").extractedAt("2025-12-31T23:00:00+01:00")
                .file("unita_offerta.csv", header, later.toArray(String[]::new)).write();
        new Nightly(ctx, p, Progress.silent()).run(new NightlyOptions(LocalDate.of(2026, 1, 2), false).until(StageId.LEDGER));

        List<String> morning = new ArrayList<>(later);
        morning.add(units.get(0));                                                          // 054553 comes back
        morning.set(1, morning.get(1).replace(",CENTRO DIVERS' ETA',", ",CENTRO DIVERS' ETA' RINNOVATO,")); // 054385 renamed
        morning.set(2, morning.get(2).replace(",ALLOGGIO PROTETTO ANZIANI,049942,", ",CENTRO DIURNI ANZIANI,049942,")); // type changed
        String saronno = units.stream().filter(u -> u.contains(",SARONNO,")).findFirst().orElseThrow();
        morning.add(saronno.replaceFirst("^((?:[^,]*,){10})\\d{6},", "$1,"));           // no CODICE_CUDES: set aside (Saronno)
        morning.add(units.get(1).replaceFirst(",CITTIGLIO,", ",,").replaceFirst("(\"\"\",)100,", "$1molti,")); // bad NR_POSTI, no Ambito
        TestDeliveries.of(landing, "AFAM", "RL", "20260115T080000").extractedAt("2026-01-15T08:00:00+01:00")
                .file("unita_offerta.csv", header, morning.toArray(String[]::new)).write();
        List<String> evening = new ArrayList<>(morning.subList(0, morning.size() - 2));
        evening.remove(3);                                                                   // a unit dropped the same day
        dropped = morning.get(3).split(",")[10];
        TestDeliveries.of(landing, "AFAM", "RL", "20260115T180000").extractedAt("2026-01-15T18:00:00+01:00")
                .file("unita_offerta.csv", header, evening.toArray(String[]::new)).write();
        sameDay = new Nightly(ctx, p, Progress.silent()).run(new NightlyOptions(LocalDate.of(2026, 7, 2), false).until(StageId.AGGREGATE_CHECKS));
    }

    String dropped;
    NightlyResult sameDay;

    @Test
    void twoSnapshotsOfOneDayAreTwoSnapshotsAndTheLaterOneDecides() {
        assertEquals(2, sameDay.count(LedgerEntry.Status.LOADED));
        assertNotNull(dropped);
        Row d = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '" + dropped + "'").orderBy(org.apache.spark.sql.functions.col("versione").desc()).first();
        assertTrue(d.<Boolean>getAs("cessata"), "dropped by the evening snapshot of the same day: ceased");
        assertEquals(java.sql.Date.valueOf("2026-01-15"), d.getAs("valido_al"));
        assertFalse(d.<Boolean>getAs("corrente"));
        // four snapshots, each unit once per snapshot it shows: 199 + 199 + (199 + 1 back) + (200 - 1 dropped)
        assertEquals(199L + 199 + 200 + 199, ctx.store().read(Tables.FACT_UNIT_SNAPSHOT).count());
        assertEquals(4L, ctx.store().read(Tables.FACT_UNIT_SNAPSHOT).select("ordine_snapshot").distinct().count());
    }

    @Test
    void onlyTypeOrCapacityMakesAUnitChangedAndAReturningUnitIsOpened() {
        // 2026-S1: 054553 re-appears (opened), 054385 renamed (a new version, not "changed"), 049942 changed type
        // (changed), the dropped unit ceased
        Row back = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '054553'").orderBy(org.apache.spark.sql.functions.col("versione").desc()).first();
        assertTrue(back.<Boolean>getAs("aperta"));
        Row renamed = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '054385' and corrente").first();
        assertEquals(2L, renamed.<Long>getAs("versione"), "a new name opens a new version");
        assertFalse(renamed.<Boolean>getAs("modificata"), "but the unit is not 'changed'");
        Row retyped = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '049942' and corrente").first();
        assertTrue(retyped.<Boolean>getAs("modificata"));
        assertFalse(retyped.<Boolean>getAs("aperta"));
        Row region = ctx.store().read(Tables.AGG_UNITA).filter("codice_semestre = '2026-S1' and livello = 'REGIONE' and tipo_unita = 'TOTALE'").first();
        assertEquals(List.of(1L, 1L, 1L), List.of(region.<Long>getAs("aperte"), region.<Long>getAs("cessate"), region.<Long>getAs("modificate")));
        // 2025-S2: 999999 opened, 054553 ceased, 054534 changed capacity 100 -> 120
        Row s2 = ctx.store().read(Tables.AGG_UNITA).filter("codice_semestre = '2025-S2' and livello = 'REGIONE' and tipo_unita = 'TOTALE'").first();
        assertEquals(List.of(1L, 1L, 1L), List.of(s2.<Long>getAs("aperte"), s2.<Long>getAs("cessate"), s2.<Long>getAs("modificate")));
        // at the end of 2026-S1: 199 - 1 + 1 (999999) + 1 (back) - 1 (dropped) = 199 units
        assertEquals(199L, ctx.store().read(Tables.AGG_UNITA).filter("codice_semestre = '2026-S1' and livello = 'REGIONE' and tipo_unita = 'TOTALE'").first().<Long>getAs("unita"));
    }

    @Test
    void afamRowsSetAsideCountInTheTerritoryTheyDeclare() {
        // the morning snapshot: 199 + 1 back + 2 bad = 202 rows received, 2 set aside; one declares Saronno, the other only
        // its ASST 030710
        LedgerEntry.FileCounts morning = sameDay.entries().stream().filter(e -> e.deliveryName().endsWith("080000"))
                .findFirst().orElseThrow().files().get(0);
        assertEquals(List.of(202L, 200L, 2L), List.of(morning.received(), morning.loaded(), morning.setAside()));
        Row saronno = ctx.store().read(Tables.AGG_QUALITA).filter("codice_semestre = '2026-S1' and territorio = 'AMB-SARONNO' and fonte = 'AFAM' and regola = 'REQUIRED'").first();
        assertEquals(1L, saronno.<Long>getAs("righe_scartate"));
        Row asst = ctx.store().read(Tables.AGG_QUALITA).filter("codice_semestre = '2026-S1' and territorio = '030710' and fonte = 'AFAM' and regola = 'FORMAT'").first();
        assertEquals(1L, asst.<Long>getAs("righe_scartate"));
        // at the Region every AFAM row of the semester: both snapshots of 15/01/2026, as the ledger counts them
        Row region = ctx.store().read(Tables.AGG_QUALITA).filter("codice_semestre = '2026-S1' and livello = 'REGIONE' and fonte = 'AFAM' and regola = 'TOTALE'").first();
        long received = sameDay.entries().stream().flatMap(e -> e.files().stream()).mapToLong(LedgerEntry.FileCounts::received).sum();
        long loaded = sameDay.entries().stream().flatMap(e -> e.files().stream()).mapToLong(LedgerEntry.FileCounts::loaded).sum();
        assertEquals(List.of(received, loaded, 2L), List.of(region.<Long>getAs("righe_ricevute"), region.<Long>getAs("righe_caricate"),
                region.<Long>getAs("righe_scartate")));
    }

    @Test
    void everyUnitOfTheRealExportLoadsWithItsCapacity() {
        LedgerEntry.FileCounts f = first.entries().get(0).files().get(0);
        assertEquals(199, f.received());
        assertEquals(199, f.loaded());
        Row r = ctx.spark().sql("select count(*), sum(posti) from " + ctx.store().path(Tables.FACT_UNIT_SNAPSHOT).transform(p -> "delta.`" + p + "`")
                + " where data_snapshot = date'2025-06-30'").first();
        assertEquals(199L, r.getLong(0));
        assertEquals(realPlaces, r.getLong(1));
    }

    @Test
    void comuniAndAmbitiAreConformedToTheTerritory() {
        assertEquals(0, ctx.store().read(Tables.DIM_UNIT).filter("codice_istat is null").count(), "every comune found in the ISTAT list");
        Map<String, String> ambito = Map.of("SARONNO", "AMB-SARONNO", "ABBIATEGRASSO", "AMB-ABBIATENSE", "MILANO CITTA'", "AMB-AFAM-MILANO-CITTA");
        for (var e : ambito.entrySet()) {
            List<Row> rows = ctx.store().read(Tables.DIM_UNIT).filter(org.apache.spark.sql.functions.col("ambito_afam").equalTo(e.getKey())).collectAsList();
            assertFalse(rows.isEmpty(), e.getKey());
            rows.forEach(x -> assertEquals(e.getValue(), x.getAs("codice_ambito"), e.getKey()));
        }
        Row milano = ctx.store().read(Tables.DIM_AMBITO).filter("codice_ambito = 'AMB-AFAM-MILANO-CITTA' and corrente").first();
        assertEquals("AFAM", milano.getAs("origine"));
        assertEquals("030321", milano.getAs("codice_ats"));
        assertNotNull(milano.getAs("denominazione_asst"));
        assertEquals("ANZIANI", ctx.store().read(Tables.DIM_UNIT).select("utenza").distinct().first().getString(0));
    }

    @Test
    void aLaterSnapshotOpensClosesAndVersionsUnits() {
        String ceased = lines.get(1).split(",")[10];
        Row c = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '" + ceased + "' and versione = 1").first();
        assertTrue(c.<Boolean>getAs("cessata"));
        assertEquals(java.sql.Date.valueOf("2025-12-31"), c.getAs("valido_al"));
        List<Row> versions = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '054534'").orderBy("versione").collectAsList();
        assertEquals(List.of(100, 120), versions.stream().map(v -> v.<Integer>getAs("posti")).toList());
        assertEquals(java.sql.Date.valueOf("2025-12-31"), versions.get(0).getAs("valido_al"));
        assertFalse(versions.get(0).<Boolean>getAs("cessata"), "a changed unit is not a ceased one");
        Row opened = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '999999'").first();
        assertEquals(java.sql.Date.valueOf("2025-12-31"), opened.getAs("valido_dal"));
        assertEquals(199L + 199L, ctx.store().read(Tables.FACT_UNIT_SNAPSHOT).filter("ordine_snapshot <= 2").count());
        assertTrue(Arrays.stream(ctx.store().read(Tables.DIM_UNIT).columns()).noneMatch(n -> n.contains("FISCALE")));
    }
}
