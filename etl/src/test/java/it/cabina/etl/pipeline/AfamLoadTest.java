package it.cabina.etl.pipeline;

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
 * closes one unit, changes the capacity of another and opens a new one.
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
        first = new Nightly(ctx, p, Progress.silent()).run(new NightlyOptions(LocalDate.of(2025, 7, 1), false));

        List<String> later = new ArrayList<>(units);
        later.remove(0);                                              // unit of line 2 ceases
        later.set(0, later.get(0).replace(",CENTRO DIURNI ANZIANI,054534,", ",CENTRO DIURNI ANZIANI,054534,")
                .replaceFirst("(,054534,\"CENTRO DIURNO ANZIANI \"\"ISOLINO VIRGINIA\"\"\",)100,", "$1120,")); // capacity 100 -> 120
        later.add(units.get(5).replaceFirst("^((?:[^,]*,){10})\\d{6},", "$1999999,")); // a new unit
        TestDeliveries.of(landing, "AFAM", "RL", "20251231T230000").extractedAt("2025-12-31T23:00:00+01:00")
                .file("unita_offerta.csv", header, later.toArray(String[]::new)).write();
        new Nightly(ctx, p, Progress.silent()).run(new NightlyOptions(LocalDate.of(2026, 1, 2), false));
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
        Row c = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '" + ceased + "'").first();
        assertTrue(c.<Boolean>getAs("cessata"));
        assertEquals(java.sql.Date.valueOf("2025-12-31"), c.getAs("valido_al"));
        List<Row> versions = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '054534'").orderBy("versione").collectAsList();
        assertEquals(List.of(100, 120), versions.stream().map(v -> v.<Integer>getAs("posti")).toList());
        assertEquals(java.sql.Date.valueOf("2025-12-31"), versions.get(0).getAs("valido_al"));
        assertFalse(versions.get(0).<Boolean>getAs("cessata"), "a changed unit is not a ceased one");
        Row opened = ctx.store().read(Tables.DIM_UNIT).filter("codice_unita = '999999'").first();
        assertEquals(java.sql.Date.valueOf("2025-12-31"), opened.getAs("valido_dal"));
        assertEquals(199L + 199L, ctx.store().read(Tables.FACT_UNIT_SNAPSHOT).count());
        assertTrue(Arrays.stream(ctx.store().read(Tables.DIM_UNIT).columns()).noneMatch(n -> n.contains("FISCALE")));
    }
}
