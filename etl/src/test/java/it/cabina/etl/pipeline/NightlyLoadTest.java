package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;

import it.cabina.etl.landing.LedgerEntry;
import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.etl.testing.TestDeliveries;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.tables.Table;
import it.cabina.warehouse.tables.Tables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every rule of extracts.md on hand-made CSI and FLUSSO deliveries, through the loader: the right row set aside with the
 * right reason, including the rules that look at other records; counts that reconcile; no tax code anywhere. A loading
 * test: the nightly stops after the ledger ({@link StageId#LEDGER}). The rules row by row are in RowCheckerTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyLoadTest {
    static final Pseudonymizer PSEUDO = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));
    static final String CF1 = TestDeliveries.taxCode("RSSMRA40C41F205");
    static final String CF2_BAD = "BNCLGU50A01F205" + (TestDeliveries.taxCode("BNCLGU50A01F205").charAt(15) == 'A' ? 'B' : 'A');
    static final String CF3 = TestDeliveries.taxCode("VRDGPP50A01F205");
    static final String CF10 = TestDeliveries.taxCode("NRIPLA45E05F205");
    static final String TS = "2025-01-10T10:00:00";

    Path tmp;
    CabinaContext ctx;
    NightlyResult result;

    @BeforeAll
    void loadOnce() throws Exception {
        tmp = Files.createTempDirectory("cabina-load-test");
        Path landing = tmp.resolve("landing");
        CabinaConfig config = SparkTestSession.config().withPaths(landing.toString(), tmp.resolve("wh").toString(), tmp.resolve("rep").toString());
        ctx = CabinaContext.create(config, SparkTestSession.get());
        TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250201T020000")
                .file("persone.csv", "id_persona;codice_fiscale;sesso;data_nascita;comune_residenza;cittadinanza;aggiornato_il;stato_record",
                        "P1;" + CF1 + ";F;1940-03-01;012119;ITA;" + TS + ";ATTIVO",               // 2 ok
                        "P2;" + CF2_BAD + ";M;1950-01-01;012119;ITA;" + TS + ";ATTIVO",           // 3 TAX_CODE
                        "P3;" + CF3 + ";X;1950-01-01;012119;ITA;" + TS + ";ATTIVO",               // 4 CODE
                        "P4;" + CF3 + ";M;2030-01-01;012119;ITA;" + TS + ";ATTIVO",               // 5 FUTURE_DATE
                        "P5;" + CF3 + ";M;1890-01-01;012119;ITA;" + TS + ";ATTIVO",               // 6 AGE_RANGE
                        "P6;" + CF3 + ";M;1950-13-01;012119;ITA;" + TS + ";ATTIVO",               // 7 FORMAT
                        "P7;" + CF3 + ";M;1950-01-01;999999;ITA;" + TS + ";ATTIVO",               // 8 UNKNOWN_COMUNE
                        "P8;;M;1950-01-01;012119;ITA;" + TS + ";ATTIVO",                          // 9 REQUIRED
                        "P9;" + CF3 + ";M;1950-01-01;012119;ITA;" + TS,                           // 10 COLUMNS
                        "",                                                                       // 11 blank: not a row
                        "P10;" + CF10 + ";M;1945-05-05;012119;ITA;" + TS + ";ATTIVO")             // 12 ok
                .file("prese_in_carico.csv", "id_presa_in_carico;id_persona;codice_ambito;comune_competenza;area_utenza;canale_accesso;data_apertura;data_chiusura;motivo_chiusura;condizione_complessa;integrata_asst;aggiornato_il;stato_record",
                        "C1;P1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-05;;;S;S;" + TS + ";ATTIVO",                     // 2 ok
                        "C2;P404;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-05;;;S;S;" + TS + ";ATTIVO",                   // 3 UNKNOWN_REFERENCE
                        "C3;P1;AMB-GALLARATE;012119;ANZIANI;PUA;2025-01-05;;;S;S;" + TS + ";ATTIVO",                   // 4 SENDER_MISMATCH
                        "C4;P1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-05;2025-01-01;RINUNCIA;S;S;" + TS + ";ATTIVO",  // 5 DATE_ORDER
                        "C5;P1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-05;2025-01-20;;S;S;" + TS + ";ATTIVO",          // 6 REQUIRED_IF
                        "C6;P2;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-05;;;S;S;" + TS + ";ATTIVO")                     // 7 UNKNOWN_REFERENCE (P2 set aside)
                .file("valutazioni.csv", "id_valutazione;id_presa_in_carico;data_valutazione;tipo_valutazione;strumento;strumento_condiviso;congiunta_asst;figure_professionali;bisogno_assistenziale;non_autosufficiente;misura;esito;obiettivo_raggiunto;aggiornato_il;stato_record",
                        "V1;C1;2025-01-06;UVM;SVAMA;S;S;AS_AMBITO|MMG;ALTO;S;SAD;PROGETTO;;" + TS + ";ATTIVO",          // 2 ok
                        "V2;C1;2025-01-01;UVM;SVAMA;S;S;AS_AMBITO;ALTO;S;SAD;PROGETTO;;" + TS + ";ATTIVO",              // 3 DATE_ORDER (before the case)
                        "V3;C1;2025-01-06;UVM;SVAMA;S;S;;ALTO;S;SAD;PROGETTO;;" + TS + ";ATTIVO",                       // 4 REQUIRED
                        "V4;C1;2025-01-06;UVM;SVAMA;S;S;AS_AMBITO|CUOCO;ALTO;S;SAD;PROGETTO;;" + TS + ";ATTIVO",        // 5 CODE
                        "V5;C1;2025-01-06;SOCIALE;SVAMA;S;S;AS_AMBITO;ALTO;S;SAD;PROGETTO;S;" + TS + ";ATTIVO")         // 6 NOT_ALLOWED
                .file("attivita.csv", "id_attivita;codice_ambito;data;tipo_attivita;stato;durata_ore;partecipanti;enti_coinvolti;ets_coinvolti;verbalizzata;aggiornato_il;stato_record",
                        "A1;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;2.5;6;3;1;S;" + TS + ";ATTIVO",   // 2 ok
                        "A2;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;-1;6;3;1;S;" + TS + ";ATTIVO",    // 3 RANGE
                        "A3;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;2,5;6;3;1;S;" + TS + ";ATTIVO")   // 4 FORMAT (decimal comma in CSI)
                .write();
        TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20250715T020000").period("2025-01-01", "2025-06-30")
                .file("prestazioni.csv", "codice_ambito;comune_erogazione;anno;semestre;mese;codice_fiscale;codice_prestazione;codice_udo;unita_misura;quantita;spesa_totale;quota_utente;quota_ssn;fonte_finanziamento",
                        "AMB-SARONNO;012119;2025;1;3;" + CF1 + ";SAD;;ORE;10,5;200,00;20,00;0;FNA",         // 2 ok
                        "AMB-SARONNO;012119;2025;1;7;" + CF1 + ";SAD;;ORE;10,5;200,00;20,00;0;FNA",         // 3 PERIOD (month)
                        "AMB-SARONNO;012119;2024;1;3;" + CF1 + ";SAD;;ORE;10,5;200,00;20,00;0;FNA",         // 4 PERIOD (year)
                        "AMB-SARONNO;012119;2025;1;3;" + CF1 + ";SAD;;ORE;0;200,00;20,00;0;FNA",            // 5 RANGE
                        "AMB-SARONNO;012119;2025;1;3;" + CF1 + ";SAD;;ORE;10,5;200,00;300,00;0;FNA",        // 6 EXCEEDS_FIELD
                        "AMB-SARONNO;012119;2025;1;3;" + CF1 + ";SAD;;ORE;1.234,5;200,00;20,00;0;FNA",      // 7 FORMAT
                        "AMB-SARONNO;012119;2025;1;3;" + CF1 + ";MASSAGGI;;ORE;1;200,00;20,00;0;FNA",       // 8 CODE
                        "AMB-SARONNO;012119;2025;1;4;" + CF10 + ";PASTI;U999;PASTI;20;100,00;0;0;FONDI_COMUNALI") // 9 ok, warning
                .write();
        result = new Nightly(ctx, PSEUDO, Progress.silent()).run(new NightlyOptions(LocalDate.of(2025, 8, 1), false).until(StageId.LEDGER));
    }

    Map<Long, String> quarantined(String file) {
        return ctx.store().read(Tables.QUARANTINE).filter("file = '" + file + "'").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<Long>getAs("line"), r -> r.<String>getAs("field") + ":" + r.<String>getAs("rule"), (a, b) -> a, TreeMap::new));
    }

    @Test
    void everyBrokenRuleIsSetAsideWithItsLineFieldAndRule() {
        assertEquals(Map.of(3L, "codice_fiscale:TAX_CODE", 4L, "sesso:CODE", 5L, "data_nascita:FUTURE_DATE",
                6L, "data_nascita:AGE_RANGE", 7L, "data_nascita:FORMAT", 8L, "comune_residenza:UNKNOWN_COMUNE",
                9L, "codice_fiscale:REQUIRED", 10L, "*:COLUMNS"), quarantined("persone.csv"));
        assertEquals(Map.of(3L, "id_persona:UNKNOWN_REFERENCE", 4L, "codice_ambito:SENDER_MISMATCH",
                5L, "data_chiusura:DATE_ORDER", 6L, "motivo_chiusura:REQUIRED_IF", 7L, "id_persona:UNKNOWN_REFERENCE"),
                quarantined("prese_in_carico.csv"));
        assertEquals(Map.of(3L, "data_valutazione:DATE_ORDER", 4L, "figure_professionali:REQUIRED",
                5L, "figure_professionali:CODE", 6L, "obiettivo_raggiunto:NOT_ALLOWED"), quarantined("valutazioni.csv"));
        assertEquals(Map.of(3L, "durata_ore:RANGE", 4L, "durata_ore:FORMAT"), quarantined("attivita.csv"));
        assertEquals(Map.of(3L, "mese:PERIOD", 4L, "anno:PERIOD", 5L, "quantita:RANGE", 6L, "quota_utente:EXCEEDS_FIELD",
                7L, "quantita:FORMAT", 8L, "codice_prestazione:CODE"), quarantined("prestazioni.csv"));
    }

    @Test
    void countsReconcilePerFile() {
        Map<String, long[]> expected = Map.of("persone.csv", new long[]{10, 2, 8}, "prese_in_carico.csv", new long[]{6, 1, 5},
                "valutazioni.csv", new long[]{5, 1, 4}, "attivita.csv", new long[]{3, 1, 2}, "prestazioni.csv", new long[]{8, 2, 6});
        for (LedgerEntry e : result.entries()) {
            assertEquals(LedgerEntry.Status.LOADED, e.status());
            for (LedgerEntry.FileCounts f : e.files()) {
                long[] x = expected.get(f.name());
                assertArrayEquals(x, new long[]{f.received(), f.loaded(), f.setAside()}, f.name());
                assertEquals(f.records(), f.received(), "manifest records = rows read: " + f.name());
            }
        }
        assertEquals(1, result.entries().stream().filter(e -> e.source().equals("FLUSSO")).findFirst().orElseThrow()
                .files().get(0).warnings(), "unknown codice_udo is a warning, the row loads");
        assertEquals(5, ctx.store().read(Tables.QUARANTINE).filter("file = 'prese_in_carico.csv'").count());
    }

    @Test
    void typedValuesArriveIntactInBronzeAndTheRunStopsAfterTheLedger() {
        Row p1 = ctx.store().read(Table.bronze("CSI", "persone")).filter("id_persona = 'P1'").first();
        assertEquals(PSEUDO.pseudonym(CF1), p1.getAs("pseudonimo"));
        assertEquals(1940, (int) p1.getAs("anno_nascita"));
        assertEquals(84, (int) p1.getAs("eta_alla_estrazione"), "born 1940-03-01, extracted 2025-02-01");
        assertFalse(List.of(ctx.store().read(Table.bronze("CSI", "persone")).columns()).contains("data_nascita"));
        Row v1 = ctx.store().read(Table.bronze("CSI", "valutazioni")).filter("id_valutazione = 'V1'").first();
        assertEquals(List.of("AS_AMBITO", "MMG"), v1.getList(v1.fieldIndex("figure_professionali")));
        Row sad = ctx.store().read(Table.bronze("FLUSSO", "prestazioni")).filter("codice_prestazione = 'SAD'").first();
        assertEquals(0, new java.math.BigDecimal("10.5").compareTo(sad.getAs("quantita")));
        assertEquals(PSEUDO.pseudonym(CF1), sad.getAs("pseudonimo"));
        // --until LEDGER: loaded and recorded, nothing built after; the run is left unfinished for the next one to complete
        assertTrue(result.stoppedEarly());
        assertFalse(ctx.store().exists(Table.silver("CSI", "persone")), "no silver");
        assertFalse(ctx.store().exists(Tables.FACT_CASE), "no gold");
        assertEquals(java.util.Set.of(result.runId()), new it.cabina.etl.landing.RunLedger(ctx.store()).unfinished().keySet());
    }

    @Test
    void noTaxCodeInAnyFileUnderTheWarehouse() throws Exception {
        List<String> codes = List.of(CF1, CF2_BAD, CF3, CF10);
        try (Stream<Path> files = Files.walk(tmp.resolve("wh"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String cf : codes) assertFalse(content.contains(cf), "tax code found in " + f);
            }
        }
        for (Table t : ctx.store().list()) {
            for (Row r : ctx.store().read(t).toJSON().collectAsList().stream().map(s -> org.apache.spark.sql.RowFactory.create(s)).toList()) {
                for (String cf : codes) assertFalse(r.getString(0).contains(cf), "tax code in table " + t);
            }
        }
        Row masked = ctx.store().read(Tables.QUARANTINE).filter("rule = 'TAX_CODE'").first();
        assertEquals("[codice fiscale oscurato, 16 caratteri]", masked.getAs("value"));
    }
}
