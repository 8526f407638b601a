package it.cabina.etl.sources;

import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.quality.Issues;
import it.cabina.etl.rules.Lineage;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.testing.SparkTestSession;
import it.cabina.etl.testing.TestDeliveries;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.CodeLists;
import it.cabina.warehouse.reference.Territory;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The row rules of conf/rules compiled into column expressions, on lines made in memory (no file, no nightly): each
 * line sets aside by the first rule it breaks, with its field and the value as the quarantine shows it; warnings
 * leave the row loaded; typed values come out right. Rules that look at other records are in NightlyLoadTest.
 */
class RowCheckerTest {
    static final CabinaConfig CONFIG = SparkTestSession.config();
    static final CodeLists CODES = CodeLists.load(CONFIG.codelistsDir());
    static final Set<String> COMUNI = Territory.load(CONFIG.comuniFile(), CONFIG.atsAsstFile(), CONFIG.ambitiFile(), CONFIG.regionCode())
            .comuni().stream().map(Territory.Comune::codiceIstat).collect(Collectors.toSet());
    static final Pseudonymizer PSEUDO = new Pseudonymizer("test-key-0123456789".getBytes(StandardCharsets.UTF_8));
    static final String CF = TestDeliveries.taxCode("RSSMRA40C41F205");
    static final String CF_BAD = "BNCLGU50A01F205" + (TestDeliveries.taxCode("BNCLGU50A01F205").charAt(15) == 'A' ? 'B' : 'A');
    static final String TS = "2025-01-10T10:00:00";

    static SourceRules rules(String source) {
        return SourceRules.load(CONFIG.rulesDir().resolve(source.toLowerCase() + ".yaml"), CODES);
    }

    /** The lines as TextLines gives them, with the lineage of a delivery of AMB-SARONNO extracted on 2025-02-01. */
    static Dataset<Row> checked(String source, String file, String header, String... lines) {
        return checkedAs("1.1", source, file, header, lines);
    }

    /** The same, for a delivery whose manifest declares {@code specVersion}. */
    static Dataset<Row> checkedAs(String specVersion, String source, String file, String header, String... lines) {
        SourceRules rules = rules(source);
        SourceRules.FileRules fr = rules.file(file);
        List<String> columns = Arrays.asList(header.split(rules.format().separator(), -1));
        StructType schema = TextLines.schema(columns.size())
                .add(Lineage.SENDER, DataTypes.StringType).add(Lineage.EXTRACTED_AT, DataTypes.TimestampType)
                .add(Lineage.PERIOD_FROM, DataTypes.DateType).add(Lineage.PERIOD_TO, DataTypes.DateType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split(rules.format().separator(), -1);
            Object[] values = new Object[3 + columns.size() + 4];
            values[0] = "/" + file;
            values[1] = (long) i + 2;
            values[2] = f.length;
            for (int c = 0; c < columns.size(); c++) values[3 + c] = c < f.length && !f[c].isEmpty() ? f[c] : null;
            values[3 + columns.size()] = "AMB-SARONNO";
            values[4 + columns.size()] = Timestamp.valueOf("2025-02-01 02:00:00");
            values[5 + columns.size()] = Date.valueOf("2025-01-01");
            values[6 + columns.size()] = Date.valueOf("2025-06-30");
            rows.add(RowFactory.create(values));
        }
        Dataset<Row> in = SparkTestSession.get().createDataFrame(rows, schema);
        return new RowChecker(rules, fr, CODES, COMUNI, PSEUDO, specVersion).check(in, columns);
    }

    /** line -> field:RULE of the rows set aside. */
    static Map<Long, String> setAside(Dataset<Row> checked) {
        return checked.filter(col(Issues.VIOLATION).isNotNull()).collectAsList().stream().collect(Collectors.toMap(
                r -> r.<Long>getAs(TextLines.LINE), r -> r.<Row>getAs(Issues.VIOLATION).getString(0) + ":" + r.<Row>getAs(Issues.VIOLATION).getString(1),
                (a, b) -> a, TreeMap::new));
    }

    static String shown(Dataset<Row> checked, long line) {
        return checked.filter(col(TextLines.LINE).equalTo(line)).first().<Row>getAs(Issues.VIOLATION).getString(2);
    }

    @Test
    void persons() {
        Dataset<Row> c = checked("CSI", "persone.csv", "id_persona;codice_fiscale;sesso;data_nascita;comune_residenza;cittadinanza;aggiornato_il;stato_record",
                "P1;" + CF + ";F;1940-03-01;012119;ITA;" + TS + ";ATTIVO",          // 2 ok
                "P2;" + CF_BAD + ";M;1950-01-01;012119;ITA;" + TS + ";ATTIVO",      // 3 TAX_CODE
                "P3;" + CF + ";X;1950-01-01;012119;ITA;" + TS + ";ATTIVO",          // 4 CODE
                "P4;" + CF + ";M;2030-01-01;012119;ITA;" + TS + ";ATTIVO",          // 5 FUTURE_DATE
                "P5;" + CF + ";M;1890-01-01;012119;ITA;" + TS + ";ATTIVO",          // 6 AGE_RANGE
                "P6;" + CF + ";M;1950-13-01;012119;ITA;" + TS + ";ATTIVO",          // 7 FORMAT
                "P7;" + CF + ";M;1950-01-01;999999;ITA;" + TS + ";ATTIVO",          // 8 UNKNOWN_COMUNE (comune_residenza keeps its check)
                "P8;;M;1950-01-01;012119;ITA;" + TS + ";ATTIVO",                     // 9 REQUIRED
                "P9;" + CF + ";M;1950-01-01;012119;ITA;" + TS);                      // 10 COLUMNS
        assertEquals(Map.of(3L, "codice_fiscale:TAX_CODE", 4L, "sesso:CODE", 5L, "data_nascita:FUTURE_DATE",
                6L, "data_nascita:AGE_RANGE", 7L, "data_nascita:FORMAT", 8L, "comune_residenza:UNKNOWN_COMUNE",
                9L, "codice_fiscale:REQUIRED", 10L, "*:COLUMNS"), setAside(c));
        // the value kept with a row set aside: never a tax code, a birth date as its year only (contract 1.1)
        assertEquals("[codice fiscale oscurato, 16 caratteri]", shown(c, 3));
        assertEquals("anno 2030", shown(c, 5));
        assertEquals("anno 1890", shown(c, 6));
        assertEquals("anno 1950", shown(c, 7));
        assertEquals("7 campi, attesi 8", shown(c, 10), "the field count, not the line");
        Row p1 = c.filter(col(TextLines.LINE).equalTo(2)).first();
        assertEquals(PSEUDO.pseudonym(CF), p1.getAs("pseudonimo"));
        assertEquals(1940, (int) p1.getAs("anno_nascita"));
        assertEquals(84, (int) p1.getAs("eta_alla_estrazione"), "born 1940-03-01, extracted 2025-02-01");
        assertFalse(Arrays.asList(c.columns()).contains("data_nascita"), "the birth date goes no further than its year");
    }

    @Test
    void casesAndTheComuniOutsideTheReference() {
        Dataset<Row> c = checked("CSI", "prese_in_carico.csv", "id_presa_in_carico;id_persona;codice_ambito;comune_competenza;area_utenza;canale_accesso;data_apertura;data_chiusura;motivo_chiusura;condizione_complessa;integrata_asst;aggiornato_il;stato_record",
                "C1;P1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-05;;;S;S;" + TS + ";ATTIVO",                    // 2 ok
                "C3;P1;AMB-GALLARATE;012119;ANZIANI;PUA;2025-01-05;;;S;S;" + TS + ";ATTIVO",                  // 3 SENDER_MISMATCH
                "C4;P1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-05;2025-01-01;RINUNCIA;S;S;" + TS + ";ATTIVO", // 4 DATE_ORDER
                "C5;P1;AMB-SARONNO;012119;ANZIANI;PUA;2025-01-05;2025-01-20;;S;S;" + TS + ";ATTIVO",         // 5 REQUIRED_IF
                "C6;P1;AMB-SARONNO;001272;ANZIANI;PUA;2025-01-05;;;S;S;" + TS + ";ATTIVO",                    // 6 ok, FUORI_REGIONE
                "C7;P1;AMB-SARONNO;12119;ANZIANI;PUA;2025-01-05;;;S;S;" + TS + ";ATTIVO");                    // 7 FORMAT (5 digits)
        assertEquals(Map.of(3L, "codice_ambito:SENDER_MISMATCH", 4L, "data_chiusura:DATE_ORDER", 5L, "motivo_chiusura:REQUIRED_IF",
                7L, "comune_competenza:FORMAT"), setAside(c));
        Row torino = c.filter(col(TextLines.LINE).equalTo(6)).first();
        List<Row> warnings = torino.getList(torino.fieldIndex(Issues.WARNINGS));
        assertEquals(List.of("comune_competenza:FUORI_REGIONE:001272"),
                warnings.stream().map(w -> w.getString(0) + ":" + w.getString(1) + ":" + w.getString(2)).toList());
    }

    @Test
    void assessmentsAndActivities() {
        Dataset<Row> v = checked("CSI", "valutazioni.csv", "id_valutazione;id_presa_in_carico;data_valutazione;tipo_valutazione;strumento;strumento_condiviso;congiunta_asst;figure_professionali;bisogno_assistenziale;non_autosufficiente;misura;esito;obiettivo_raggiunto;aggiornato_il;stato_record",
                "V1;C1;2025-01-06;UVM;SVAMA;S;S;AS_AMBITO|MMG;ALTO;S;SAD;PROGETTO;;" + TS + ";ATTIVO",     // 2 ok
                "V3;C1;2025-01-06;UVM;SVAMA;S;S;;ALTO;S;SAD;PROGETTO;;" + TS + ";ATTIVO",                  // 3 REQUIRED
                "V4;C1;2025-01-06;UVM;SVAMA;S;S;AS_AMBITO|CUOCO;ALTO;S;SAD;PROGETTO;;" + TS + ";ATTIVO",   // 4 CODE
                "V5;C1;2025-01-06;SOCIALE;SVAMA;S;S;AS_AMBITO;ALTO;S;SAD;PROGETTO;S;" + TS + ";ATTIVO");   // 5 NOT_ALLOWED
        assertEquals(Map.of(3L, "figure_professionali:REQUIRED", 4L, "figure_professionali:CODE", 5L, "obiettivo_raggiunto:NOT_ALLOWED"),
                setAside(v));
        Row v1 = v.filter(col(TextLines.LINE).equalTo(2)).first();
        assertEquals(List.of("AS_AMBITO", "MMG"), v1.getList(v1.fieldIndex("figure_professionali")));
        assertEquals(Boolean.TRUE, v1.getAs("non_autosufficiente"));
        Dataset<Row> a = checked("CSI", "attivita.csv", "id_attivita;codice_ambito;data;tipo_attivita;stato;durata_ore;partecipanti;enti_coinvolti;ets_coinvolti;verbalizzata;aggiornato_il;stato_record",
                "A1;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;2.5;6;3;1;S;" + TS + ";ATTIVO",   // 2 ok
                "A2;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;-1;6;3;1;S;" + TS + ";ATTIVO",    // 3 RANGE
                "A3;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;2,5;6;3;1;S;" + TS + ";ATTIVO");  // 4 FORMAT (decimal comma in CSI)
        assertEquals(Map.of(3L, "durata_ore:RANGE", 4L, "durata_ore:FORMAT"), setAside(a));
    }

    @Test
    void servicesWithAndWithoutABeneficiary() {
        Dataset<Row> f = checked("FLUSSO", "prestazioni.csv", "codice_ambito;comune_erogazione;anno;semestre;mese;codice_fiscale;codice_prestazione;codice_udo;unita_misura;quantita;spesa_totale;quota_utente;quota_ssn;fonte_finanziamento",
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";SAD;;ORE;10,5;200,00;20,00;0;FNA",            // 2 ok
                "AMB-SARONNO;012119;2025;1;7;" + CF + ";SAD;;ORE;10,5;200,00;20,00;0;FNA",            // 3 PERIOD (month)
                "AMB-SARONNO;012119;2024;1;3;" + CF + ";SAD;;ORE;10,5;200,00;20,00;0;FNA",            // 4 PERIOD (year)
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";SAD;;ORE;0;200,00;20,00;0;FNA",               // 5 RANGE
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";SAD;;ORE;10,5;200,00;300,00;0;FNA",           // 6 EXCEEDS_FIELD
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";SAD;;ORE;1.234,5;200,00;20,00;0;FNA",         // 7 FORMAT
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";MASSAGGI;;ORE;1;200,00;20,00;0;FNA",          // 8 CODE
                "AMB-SARONNO;012119;2025;1;3;;PRONTO_INTERVENTO_SOCIALE;;ACCESSI;1;80,00;0;0;FNPS",   // 9 ok: no beneficiary (1.1)
                "AMB-SARONNO;058091;2025;1;3;" + CF + ";PASTI;;PASTI;2;10,00;0;0;FNA",                // 10 ok: Rome, FUORI_REGIONE
                "AMB-SARONNO;012119;2025;1;3;" + CF_BAD + ";SAD;;ORE;1;10,00;0;0;FNA");               // 11 TAX_CODE: when present, valid
        assertEquals(Map.of(3L, "mese:PERIOD", 4L, "anno:PERIOD", 5L, "quantita:RANGE", 6L, "quota_utente:EXCEEDS_FIELD",
                7L, "quantita:FORMAT", 8L, "codice_prestazione:CODE", 11L, "codice_fiscale:TAX_CODE"), setAside(f));
        Row sad = f.filter(col(TextLines.LINE).equalTo(2)).first();
        assertEquals(0, new java.math.BigDecimal("10.5").compareTo(sad.getAs("quantita")), "decimal comma");
        Row anonymous = f.filter(col(TextLines.LINE).equalTo(9)).first();
        assertNull(anonymous.getAs("pseudonimo"), "no named beneficiary: no pseudonym, loaded");
        Row rome = f.filter(col(TextLines.LINE).equalTo(10)).first();
        assertEquals(1, rome.getList(rome.fieldIndex(Issues.WARNINGS)).size());
    }

    static final String ACTIVITIES_11 = "id_attivita;codice_ambito;data;tipo_attivita;stato;durata_ore;partecipanti;enti_coinvolti;ets_coinvolti;verbalizzata;aggiornato_il;stato_record";
    static final String ACTIVITIES_12 = "id_attivita;codice_ambito;data;tipo_attivita;stato;durata_ore;partecipanti;enti_coinvolti;ets_coinvolti;verbalizzata;tema;aggiornato_il;stato_record";

    @Test
    void contract12ActivitiesCarryATopicAndMayUseTheNewTypes() {
        Dataset<Row> a = checkedAs("1.2", "CSI", "attivita.csv", ACTIVITIES_12,
                "A1;AMB-SARONNO;2025-01-15;SEDUTA_EVM;SVOLTA;2;6;3;1;S;VALUTAZIONE_MULTIDIMENSIONALE;" + TS + ";ATTIVO", // 2 ok
                "A2;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;2;6;3;1;S;;" + TS + ";ATTIVO",                        // 3 REQUIRED in 1.2
                "A3;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;2;6;3;1;S;CUCINA;" + TS + ";ATTIVO");                 // 4 CODE
        assertEquals(Map.of(3L, "tema:REQUIRED", 4L, "tema:CODE"), setAside(a));
        assertEquals("VALUTAZIONE_MULTIDIMENSIONALE", a.filter(col(TextLines.LINE).equalTo(2)).first().getAs("tema"));
    }

    @Test
    void contract11ActivitiesHaveNoTopicAndNotTheNewTypes() {
        Dataset<Row> a = checkedAs("1.1", "CSI", "attivita.csv", ACTIVITIES_11,
                "A1;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;2;6;3;1;S;" + TS + ";ATTIVO",  // 2 ok, topic unknown
                "A2;AMB-SARONNO;2025-01-15;SEDUTA_EVM;SVOLTA;2;6;3;1;S;" + TS + ";ATTIVO");    // 3 CODE: a 1.2 type
        assertEquals(Map.of(3L, "tipo_attivita:CODE"), setAside(a));
        assertNull(a.filter(col(TextLines.LINE).equalTo(2)).first().getAs("tema"), "unknown, not required, in a 1.1 delivery");
        // a 1.2 column sent in a 1.1 delivery is an extra column: ignored, the field stays unknown
        Dataset<Row> extra = checkedAs("1.1", "CSI", "attivita.csv", ACTIVITIES_12,
                "A1;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;2;6;3;1;S;PUA;" + TS + ";ATTIVO");
        assertEquals(Map.of(), setAside(extra));
        assertNull(extra.first().getAs("tema"));
    }

    @Test
    void theViolenceFlagIsKnownOnlyFromAContract12Delivery() {
        String header = "id_presa_in_carico;id_persona;codice_ambito;comune_competenza;area_utenza;canale_accesso;data_apertura;data_chiusura;motivo_chiusura;condizione_complessa;integrata_asst;vittima_violenza;aggiornato_il;stato_record";
        String line = "C1;P1;AMB-SARONNO;012119;ADULTI;PUA;2025-01-05;;;N;S;S;" + TS + ";ATTIVO";
        String empty = "C2;P2;AMB-SARONNO;012119;ADULTI;PUA;2025-01-05;;;N;S;;" + TS + ";ATTIVO";
        Dataset<Row> v12 = checkedAs("1.2", "CSI", "prese_in_carico.csv", header, line, empty);
        assertEquals(Boolean.TRUE, v12.filter(col(TextLines.LINE).equalTo(2)).first().getAs("vittima_violenza"));
        assertNull(v12.filter(col(TextLines.LINE).equalTo(3)).first().getAs("vittima_violenza"), "empty is unknown (extracts §2)");
        assertNull(checkedAs("1.1", "CSI", "prese_in_carico.csv", header, line).first().getAs("vittima_violenza"));
    }

    @Test
    void milestones() {
        Dataset<Row> t = checkedAs("1.2", "CSI", "traguardi.csv",
                "id_traguardo;codice_ambito;codice_traguardo;tema;descrizione;data_prevista;stato;data_raggiungimento;atto;aggiornato_il;stato_record",
                "T1;AMB-SARONNO;PROTOCOLLO_PUA;PUA;;2025-06-30;RAGGIUNTO;2025-01-20;Delibera 12/2025;" + TS + ";ATTIVO", // 2 ok
                "T2;AMB-SARONNO;PROTOCOLLO_PUA;PUA;;2025-06-30;RAGGIUNTO;;;" + TS + ";ATTIVO",                          // 3 REQUIRED_IF
                "T3;AMB-SARONNO;PROTOCOLLO_PUA;PUA;;2025-06-30;PREVISTO;2025-01-20;;" + TS + ";ATTIVO",                 // 4 NOT_ALLOWED
                "T4;AMB-SARONNO;ALTRO;PUA;;2025-06-30;PREVISTO;;;" + TS + ";ATTIVO",                                    // 5 REQUIRED_IF
                "T5;AMB-SARONNO;PROTOCOLLO_PUA;PUA;;2025-06-30;RAGGIUNTO;2025-03-01;;" + TS + ";ATTIVO",                // 6 FUTURE_DATE (after extracted_at)
                "T6;AMB-COMO;PROTOCOLLO_PUA;PUA;;2025-06-30;PREVISTO;;;" + TS + ";ATTIVO",                              // 7 SENDER_MISMATCH
                "T7;AMB-SARONNO;ALTRO;CASA;Tavolo con i proprietari;2026-06-30;PREVISTO;;;" + TS + ";ATTIVO");          // 8 ok
        assertEquals(Map.of(3L, "data_raggiungimento:REQUIRED_IF", 4L, "data_raggiungimento:NOT_ALLOWED", 5L, "descrizione:REQUIRED_IF",
                6L, "data_raggiungimento:FUTURE_DATE", 7L, "codice_ambito:SENDER_MISMATCH"), setAside(t));
    }

    /**
     * Money is decimal(18,2) and quantities decimal(18,4): a value that fits exactly loads with that type (zeros before
     * or after do not count), one with more digits is set aside with PRECISION, never rounded or truncated.
     */
    @Test
    void moneyAndQuantitiesFitTheirTypeOrAreSetAside() {
        Dataset<Row> f = checked("FLUSSO", "prestazioni.csv", "codice_ambito;comune_erogazione;anno;semestre;mese;codice_fiscale;codice_prestazione;codice_udo;unita_misura;quantita;spesa_totale;quota_utente;quota_ssn;fonte_finanziamento",
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";SAD;;ORE;0010,1250;1234567890123456,50;20,500;0;FNA",  // 2 ok: fits exactly
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";SAD;;ORE;10,12345;200,00;20,00;0;FNA",                // 3 five decimals
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";SAD;;ORE;10;200,001;20,00;0;FNA",                     // 4 a tenth of a cent
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";SAD;;ORE;10;12345678901234567;20,00;0;FNA",           // 5 17 integer digits
                "AMB-SARONNO;012119;2025;1;3;" + CF + ";SAD;;ORE;123456789012345;200;20,00;0;FNA");           // 6 15 integer digits
        assertEquals(Map.of(3L, "quantita:PRECISION", 4L, "spesa_totale:PRECISION", 5L, "spesa_totale:PRECISION",
                6L, "quantita:PRECISION"), setAside(f));
        assertEquals(DataTypes.createDecimalType(18, 4), f.schema().apply("quantita").dataType());
        assertEquals(DataTypes.createDecimalType(18, 2), f.schema().apply("spesa_totale").dataType());
        Row ok = f.filter(col(TextLines.LINE).equalTo(2)).first();
        assertEquals(new java.math.BigDecimal("10.1250"), ok.getAs("quantita"));
        assertEquals(new java.math.BigDecimal("1234567890123456.50"), ok.getAs("spesa_totale"));
        assertEquals(new java.math.BigDecimal("20.50"), ok.getAs("quota_utente"));
    }
}
