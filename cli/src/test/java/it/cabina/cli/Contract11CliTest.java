package it.cabina.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.testing.IndicatorFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every point of contract 1.1 (shared/spec/extracts.md §8, indicators.md "Changes in 1.1") as a planner or an operator
 * sees it through the command line, on the hand-made {@link IndicatorFixture} (its Javadoc lists the 1.1 cases; the
 * arithmetic is written beside each assertion). Run date 15/01/2027.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Contract11CliTest {
    static final String S = "AMB-SARONNO", G = "AMB-GALLARATE", ASST = "030711";
    CabinaContext ctx;
    String wh;
    /** indicator,year,level,territory -> the CSV line of `cabina indicators --format csv`. */
    final Map<String, String> csv = new LinkedHashMap<>();

    @BeforeAll
    void build() throws Exception {
        ctx = IndicatorFixture.shared();
        wh = ctx.config().warehouse();
        CliTest.Result r = CliTest.run("indicators", "--warehouse", wh, "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("indicator,year,level,territory,numerator,denominator,value,status", lines.get(0), "the CSV header is kept");
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            csv.put(f[0] + "," + f[1] + "," + f[2] + "," + f[3], l);
        }
    }

    void cell(String indicator, int year, String level, String territory, String expected) {
        String key = indicator + "," + year + "," + level + "," + territory;
        assertEquals(key + "," + expected, csv.get(key), key);
    }

    /** Rows of `cabina sql --format csv`, header first. */
    List<String> sql(String query) {
        CliTest.Result r = CliTest.run("sql", "--warehouse", wh, "--format", "csv", query);
        assertEquals(0, r.code(), r.err());
        return r.out().lines().toList();
    }

    JsonNode status() throws Exception {
        CliTest.Result r = CliTest.run("status", "--warehouse", wh, "--format", "json");
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void theYearInProgressIsShownNotJudged() {
        // EEM-02 2027: the only training of 2027 (A16) is merely planned: 0 of 1 = 0 %, in progress, not NON_RAGGIUNTO
        cell("EEM-02", 2027, "AMBITO", S, "0,1,0,IN_CORSO");
        // every 2027 cell is in progress or has no value; 2026 (ended) is judged
        csv.forEach((k, line) -> {
            if (k.contains(",2027,")) assertTrue(line.endsWith(",IN_CORSO") || line.endsWith(",NON_CALCOLABILE"), line);
        });
        cell("EEM-02", 2026, "AMBITO", S, "0,0,,NON_CALCOLABILE");
        cell("CAR-01", 2026, "AMBITO", S, "2,,2,RAGGIUNTO");
    }

    @Test
    void yearsAfterTheRunDateHaveNoRow() {
        // the same warehouse computed as of 30/06/2026: 2026 in progress, 2027 not computed at all
        String run = "run-20260630-contract11";
        new IndicatorEngine(ctx, IndicatorEngine.catalog(ctx)).compute(run, LocalDate.of(2026, 6, 30));
        CliTest.Result r = CliTest.run("indicators", "--warehouse", wh, "--format", "csv", "--run", run);
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().skip(1).toList();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().noneMatch(l -> l.split(",")[1].equals("2027")), "no row for a year after the run date's");
        // (an indicator with a dated target whose date has passed is judged: PIP-06, 30 projects by 31/03/2026, contract 1.2)
        List<String> notInProgress = rows.stream().filter(l -> l.split(",")[1].equals("2026"))
                .filter(l -> !l.endsWith(",IN_CORSO") && !l.endsWith(",NON_CALCOLABILE")).toList();
        assertTrue(notInProgress.stream().allMatch(l -> l.startsWith("PIP-06,")), String.join("\n", notInProgress));
        // 2025 has ended: judged. CAR-01 2026 would be RAGGIUNTO at year end; by 30/06 it is 2 (A12, A13), in progress
        assertTrue(rows.contains("CAR-01,2026,AMBITO,AMB-SARONNO,2,,2,IN_CORSO"), String.join("\n", rows));
        assertTrue(rows.contains("EEM-01,2025,AMBITO,AMB-SARONNO,1,,1,RAGGIUNTO"));
    }

    @Test
    void housingDeskRatesAboveTheAmbitoAreTheMeanPerAmbitoWithData() {
        // S 520 h / 52 weeks = 10 > 8; G 260 h / 52 = 5; the ASST adds the hours and the weeks of the 2 Ambiti with
        // activities in 2025: 780 / 104 = 7.5 (never 780 / 52 = 15)
        cell("CAS-01", 2025, "AMBITO", S, "520,52,10,RAGGIUNTO");
        cell("CAS-01", 2025, "AMBITO", G, "260,52,5,NON_RAGGIUNTO");
        cell("CAS-01", 2025, "ASST", ASST, "780,104,7.5,NON_RAGGIUNTO");
        cell("CAS-01", 2025, "ATS", "030322", "780,104,7.5,NON_RAGGIUNTO");
        cell("CAS-01", 2025, "REGIONE", "03", "780,104,7.5,NON_RAGGIUNTO");
        // 2026: only S has activities: 208 / 52 = 4 at every level
        cell("CAS-01", 2026, "ASST", ASST, "208,52,4,NON_RAGGIUNTO");
        // accesses: one each in 2025 -> 2 / (12 x 2) per month
        cell("CAS-02", 2025, "ASST", ASST, "2,24,0.08333333333333333,NON_RAGGIUNTO");
        // CAS-03 keeps the sum: G has activities, none a mediation
        cell("CAS-03", 2025, "AMBITO", G, "0,,0,NON_RAGGIUNTO");
        cell("CAS-03", 2025, "ASST", ASST, "1,,1,NON_RAGGIUNTO");
    }

    @Test
    void withdrawalsReachTheRecordsBelowThem() {
        // V6 (case of withdrawn P4) and V7 (withdrawn case C3) are Dopo di Noi, joint, with AS_AMBITO: they count nowhere
        cell("DDN-01", 2025, "AMBITO", S, "0,0,,NON_CALCOLABILE");
        cell("VAL-01", 2025, "AMBITO", S, "2,,2,BASELINE");          // V1, V3
        cell("PUA-01", 2025, "AMBITO", S, "1,1,100,RAGGIUNTO");      // V1 only
        cell("PIP-01", 2025, "AMBITO", S, "1,1,100,RAGGIUNTO");      // PR3 (PR5 is of C4)
        cell("PIP-02", 2025, "AMBITO", S, "1,,1,BASELINE");          // C2
        cell("SAD-02", 2025, "AMBITO", S, "1,1,100,BASELINE");       // PR1 / D1 (PR6 of C3, D4 of P4 out)
        cell("DIM-01", 2025, "AMBITO", S, "1,2,50,BASELINE");        // D1, D2 (D4 of P4, D5 of unknown C99 out)
        cell("CSI-01", 2025, "AMBITO", S, "2,,2,MONITORAGGIO");      // X, Y
        // visible in the current state with their reason, and nowhere in gold
        assertEquals(List.of("id_presa_in_carico,esclusione,motivo_esclusione", "C1,,", "C2,,", "C3,ANNULLATO,annullato dal mittente",
                        "C4,PADRE_ANNULLATO,persona P4 annullata o esclusa", "C5,,"),
                sql("select id_presa_in_carico, esclusione, motivo_esclusione from csi_prese_in_carico where _sender = 'AMB-SARONNO' order by 1"));
        assertEquals(List.of("id_dimissione,esclusione,motivo_esclusione", "D4,PADRE_ANNULLATO,persona P4 annullata o esclusa",
                        "D5,PADRE_SCONOSCIUTO,presa_in_carico C99 non presente nello stato corrente"),
                sql("select id_dimissione, esclusione, motivo_esclusione from csi_dimissioni_protette where esclusione is not null order by 1"));
        assertEquals(List.of("id_valutazione,esclusione", "V6,PADRE_ANNULLATO", "V7,PADRE_ANNULLATO"),
                sql("select id_valutazione, esclusione from csi_valutazioni where esclusione is not null order by 1"));
        assertEquals(List.of("id_progetto,esclusione", "PR5,PADRE_ANNULLATO", "PR6,PADRE_ANNULLATO"),
                sql("select id_progetto, esclusione from csi_progetti where esclusione is not null order by 1"));
        assertEquals(List.of("n", "0"), sql("select count(*) as n from fact_case where id_presa_in_carico in ('C3', 'C4')"));
        // no empty pseudonym is a person: not in dim_person, not in agg_casi (2025-S1: X and Y, C1 and C2; C4 is out)
        assertEquals(List.of("n", "0"), sql("select count(*) as n from dim_person where pseudonimo is null or pseudonimo = ''"));
        assertEquals(List.of("persone_attive,casi_aperti", "2,2"), sql("select persone_attive, casi_aperti from agg_casi "
                + "where codice_semestre = '2025-S1' and territorio = 'AMB-SARONNO' and area_utenza = 'TOTALE'"));
    }

    @Test
    void aMissingColumnRejectsTheWholeDelivery() throws Exception {
        JsonNode rejected = null;
        for (JsonNode d : status().get("deliveries")) if (d.get("delivery_name").asText().equals("CSI_AMB-GALLARATE_20270112T020000")) rejected = d;
        assertNotNull(rejected);
        assertEquals("REJECTED", rejected.get("status").asText());
        assertTrue(rejected.get("reasons").toString().contains("file prese_in_carico.csv: column 'data_chiusura' is missing"), rejected.toString());
        // its persone.csv, valid on its own, is not loaded either
        assertEquals(List.of("n", "0"), sql("select count(*) as n from csi_persone where id_persona = 'Q3'"));
    }

    @Test
    void comuniOutsideTheReferenceLoadWithAWarningInTheSendersAmbito() throws Exception {
        Map<String, JsonNode> files = files("CSI_AMB-SARONNO_20270110T020000");
        assertEquals("{\"FUORI_REGIONE\":1}", files.get("prese_in_carico.csv").get("warnings_by_rule").toString());   // C5, Torino
        assertEquals("{\"FORMAT\":1}", files.get("prese_in_carico.csv").get("set_aside_by_rule").toString());        // C6, 5 digits
        assertEquals("{\"FUORI_REGIONE\":1}", files("FLUSSO_AMB-SARONNO_20260710T020000").get("prestazioni.csv").get("warnings_by_rule").toString());
        assertEquals(List.of("codice_ambito,comune_competenza", "AMB-SARONNO,001272"),
                sql("select codice_ambito, comune_competenza from fact_case where id_presa_in_carico = 'C5'"));
        assertEquals(List.of("codice_ambito,quantita", "AMB-SARONNO,2.0"),
                sql("select codice_ambito, cast(quantita as double) as quantita from fact_service_delivery where comune_erogazione = '058091'"));
    }

    @Test
    void flussoRowsWithoutABeneficiaryCountInSpendingNeverInPersons() {
        // 2026-S1 Saronno: X's SAD (10 euro), X's meals in Rome (10 euro), an anonymous emergency service (100 euro)
        assertEquals(List.of("spesa_totale,beneficiari", "120.0,1"), sql("select cast(spesa_totale as double) as spesa_totale, beneficiari from agg_spesa "
                + "where codice_semestre = '2026-S1' and territorio = 'AMB-SARONNO' and fonte_finanziamento = 'TOTALE'"));
        assertEquals(List.of("quantita,beneficiari,righe", "1.0,0,1"), sql("select cast(quantita as double) as quantita, beneficiari, righe from agg_prestazioni "
                + "where codice_semestre = '2026-S1' and territorio = 'AMB-SARONNO' and codice_prestazione = 'PRONTO_INTERVENTO_SOCIALE'"));
    }

    @Test
    void setAsideValuesAreMaskedOrReducedToTheYear() {
        assertEquals(List.of("field,rule,value", "data_nascita,FUTURE_DATE,anno 2030"),
                sql("select field, rule, value from quarantine where field = 'data_nascita'"));
        assertEquals(List.of("n", "0"), sql("select count(*) as n from quarantine where value rlike '\\\\d{4}-\\\\d{2}-\\\\d{2}' and field = 'data_nascita'"));
    }

    @Test
    void punctualityIsJudgedOnTheFirstDeliveryAndCorrectionsAreCountedApart() {
        // S 2025-S2: first sent 10/01/2026 (deadline 01/03/2026), corrected 01/06/2026: on time, one correction;
        // G 2025-S2: first (and only) sent 01/04/2026: late
        assertEquals(List.of("territorio,ricevute,puntuali,in_ritardo,rettifiche", "AMB-GALLARATE,1,0,1,0", "AMB-SARONNO,1,1,0,1"),
                sql("select territorio, ricevute, puntuali, in_ritardo, rettifiche from agg_consegne "
                        + "where codice_semestre = '2025-S2' and livello = 'AMBITO' and ricevute > 0 order by 1"));
        // S 2025-S1 was sent twice in July 2025: on time, one correction
        assertEquals(List.of("puntuali,rettifiche", "1,1"), sql("select puntuali, rettifiche from agg_consegne "
                + "where codice_semestre = '2025-S1' and territorio = 'AMB-SARONNO'"));
    }

    @Test
    void explainListsTheRecordsOfACellAddingUpToItsValue() throws Exception {
        String[] cell = {"explain", "--warehouse", wh, "--indicator", "SAD-01", "--year", "2025", "--level", "AMBITO", "--territory", S};
        CliTest.Result r = CliTest.run(concat(cell, "--format", "csv"));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("indicator,year,level,territory,part,unit,contribution,sender,record_type,record_id,delivery,file,line", lines.get(0));
        // SAD-01 S 2025 = 1 / 2: PR1 in both parts, PR2 in the denominator, each where its current version was loaded
        assertEquals(List.of("SAD-01,2025,AMBITO,AMB-SARONNO,numerator,1,1,AMB-SARONNO,progetto,PR1,CSI_AMB-SARONNO_20270110T020000,progetti.csv,2",
                "SAD-01,2025,AMBITO,AMB-SARONNO,denominator,1,1,AMB-SARONNO,progetto,PR1,CSI_AMB-SARONNO_20270110T020000,progetti.csv,2",
                "SAD-01,2025,AMBITO,AMB-SARONNO,denominator,2,1,AMB-SARONNO,progetto,PR2,CSI_AMB-SARONNO_20270110T020000,progetti.csv,3"),
                lines.subList(1, lines.size()));
        CliTest.Result den = CliTest.run(concat(cell, "--format", "csv", "--part", "denominator"));
        assertEquals(3, den.out().lines().count(), den.out());

        JsonNode json = new ObjectMapper().readTree(CliTest.run(concat(cell, "--format", "json")).out());
        assertEquals(1.0, json.get("numerator").asDouble());
        assertEquals(3, json.get("rows").size());
        CliTest.Result text = CliTest.run(cell);
        assertTrue(text.out().contains("Numeratore: 1 (1 unità, 1 righe)"), text.out());
        assertTrue(text.out().contains("Denominatore: 2 (2 unità, 2 righe)"), text.out());

        // a distinct count at the ASST: X, followed by Saronno (C1) and Gallarate (K1), is one person
        CliTest.Result persons = CliTest.run("explain", "--warehouse", wh, "--indicator", "CSI-01", "--year", "2025", "--level", "ASST",
                "--territory", ASST, "--format", "csv");
        double sum = persons.out().lines().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[6])).sum();
        assertEquals(2.0, sum, persons.out());
        assertTrue(persons.out().lines().skip(1).allMatch(l -> l.split(",")[8].equals("presa_in_carico")), persons.out());

        CliTest.Result unknown = CliTest.run("explain", "--warehouse", wh, "--indicator", "NOPE-01", "--year", "2025", "--level", "AMBITO",
                "--territory", S);
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("indicatore 'NOPE-01' sconosciuto"), unknown.err());
        CliTest.Result noCell = CliTest.run("explain", "--warehouse", wh, "--indicator", "SAD-01", "--year", "2031", "--level", "AMBITO",
                "--territory", S);
        assertEquals(2, noCell.code());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Map<String, JsonNode> files(String delivery) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode d : status().get("deliveries")) {
            seen.add(d.get("delivery_name").asText());
            if (d.get("delivery_name").asText().equals(delivery)) for (JsonNode f : d.get("files")) out.put(f.get("name").asText(), f);
        }
        assertFalse(out.isEmpty(), delivery + " not in " + seen);
        return out;
    }
}
