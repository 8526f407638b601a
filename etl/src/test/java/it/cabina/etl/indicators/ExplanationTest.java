package it.cabina.etl.indicators;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.testing.IndicatorFixture;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The explanation of figures on the hand-made {@link IndicatorFixture}: for every indicator and every cell the
 * contributions of each part add up to the stored numerator and denominator, and the records listed are the right ones,
 * named by the sender's own ids, never by a pseudonym.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplanationTest {
    static final String S = "AMB-SARONNO", G = "AMB-GALLARATE", ASST = "030711";
    static final String CSI_S = "CSI_AMB-SARONNO_20270110T020000", CSI_G = "CSI_AMB-GALLARATE_20270110T020000";
    CabinaContext ctx;
    IndicatorCatalog catalog;
    Explainer explainer;

    @BeforeAll
    void open() throws Exception {
        ctx = IndicatorFixture.shared();
        catalog = IndicatorEngine.catalog(ctx);
        explainer = new Explainer(ctx, catalog, IndicatorFixture.AS_OF, null).open();
    }

    @Test
    void everyPartOfEveryCellAddsUpToTheStoredValue() {
        Map<String, Double> totals = explainer.totals(Explainer.Selection.all());
        List<Row> stored = ctx.store().read(it.cabina.warehouse.tables.Tables.INDICATOR_VALUES)
                .filter("run_id = '" + IndicatorFixture.nightlyRun(ctx) + "'").collectAsList();
        // every indicator in each year it has a cell (PIP-06, with a deadline, in that year only), for 12 + 3 + 2 + 1 territories
        long cells = catalog.indicators().stream().mapToLong(i -> catalog.triennio().years().stream().filter(i::hasCell).count()).sum();
        assertEquals(cells * (12 + 3 + 2 + 1), stored.size());
        List<String> wrong = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        int nonZero = 0;
        for (Row r : stored) {
            String cell = String.join("|", r.<String>getAs("indicatore"), String.valueOf(r.<Integer>getAs("anno")), r.getAs("livello"), r.getAs("territorio"));
            for (String part : List.of(ExplanationRow.NUMERATOR, ExplanationRow.DENOMINATOR)) {
                Double value = r.getAs(part.equals(ExplanationRow.NUMERATOR) ? "numeratore" : "denominatore");
                double explained = totals.getOrDefault(cell + "|" + part, 0.0);
                checked.add(cell + "|" + part);
                if (value != null && value != 0) nonZero++;
                if (Math.abs((value == null ? 0 : value) - explained) > 1e-9 * Math.max(1, Math.abs(explained))) {
                    wrong.add(cell + "|" + part + ": stored " + value + ", explained " + explained);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(nonZero > 300, "the fixture gives values to most parts: " + nonZero);
        Set<String> extra = new HashSet<>(totals.keySet());
        extra.removeAll(checked);
        assertEquals(Set.of(), extra, "explained parts without a stored cell");
    }

    List<String> rows(String indicator, int year, String level, String territory, String part) {
        return explainer.rows(new Explainer.Selection(indicator, year, level, territory, part)).stream()
                .map(r -> String.join(" ", String.valueOf(r.unit()), IndicatorResults.number(r.contribution()), String.valueOf(r.sender()),
                        String.valueOf(r.recordType()), String.valueOf(r.recordId()), String.valueOf(r.delivery()), String.valueOf(r.file()),
                        String.valueOf(r.line())))
                .toList();
    }

    @Test
    void projectsAreListedWithTheDeliveryFileAndLineOfTheirCurrentVersion() {
        // SAD-01 S 2025: PR1 (line 2 of progetti.csv) of 1; the denominator adds PR2 (line 3)
        assertEquals(List.of("1 1 AMB-SARONNO progetto PR1 " + CSI_S + " progetti.csv 2"), rows("SAD-01", 2025, "AMBITO", S, "numerator"));
        assertEquals(List.of("1 1 AMB-SARONNO progetto PR1 " + CSI_S + " progetti.csv 2",
                "2 1 AMB-SARONNO progetto PR2 " + CSI_S + " progetti.csv 3"), rows("SAD-01", 2025, "AMBITO", S, "denominator"));
        // at the ASST, Gallarate's G1 joins
        assertEquals(3, rows("SAD-01", 2025, "ASST", ASST, "denominator").size());
        assertTrue(rows("SAD-01", 2025, "ASST", ASST, "denominator").contains("1 1 AMB-GALLARATE progetto G1 " + CSI_G + " progetti.csv 2"),
                rows("SAD-01", 2025, "ASST", ASST, "denominator").toString());
    }

    @Test
    void aPersonFollowedByTwoAmbitiIsOneUnitWithTwoRecordsAtTheAsst() {
        // CSI-01 2025 ASST: X has C1 (Saronno) and K1 (Gallarate), Y has C2: 2 persons, 3 cases; the pseudonym never shows
        List<ExplanationRow> csi = explainer.rows(new Explainer.Selection("CSI-01", 2025, "ASST", ASST, "numerator"));
        assertEquals(3, csi.size());
        assertEquals(2.0, csi.stream().mapToDouble(ExplanationRow::contribution).sum());
        assertEquals(Set.of("C1", "C2", "K1"), Set.copyOf(csi.stream().map(ExplanationRow::recordId).toList()));
        assertEquals(Set.of("presa_in_carico"), Set.copyOf(csi.stream().map(ExplanationRow::recordType).toList()));
        assertEquals(Set.of("prese_in_carico.csv"), Set.copyOf(csi.stream().map(ExplanationRow::file).toList()));
        long xUnit = csi.stream().filter(r -> r.recordId().equals("C1")).findFirst().orElseThrow().unit();
        assertEquals(xUnit, csi.stream().filter(r -> r.recordId().equals("K1")).findFirst().orElseThrow().unit(), "X is one unit");
        Set<String> pseudonyms = new HashSet<>(ctx.spark().sql("select pseudonimo from fact_case").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        for (ExplanationRow r : explainer.rows(Explainer.Selection.all())) {
            for (String field : new String[]{r.recordId(), r.sender(), r.delivery(), r.file(), r.recordType()}) {
                assertFalse(field != null && pseudonyms.contains(field), "a pseudonym in " + r);
            }
        }
    }

    @Test
    void sumsConstantsListsAndDeliveriesAreExplainedToo() {
        // PIP-04 S 2025: A9's 4 bodies
        assertEquals(List.of("1 4 AMB-SARONNO attivita A9 " + CSI_S + " attivita.csv 10"), rows("PIP-04", 2025, "AMBITO", S, "numerator"));
        // EEM-04: the 11 codes of the professional roles' list
        List<String> roles = rows("EEM-04", 2025, "AMBITO", S, "denominator");
        assertEquals(11, roles.size());
        assertTrue(roles.get(0).matches("1 1 null figura_professionale [A-Z_]+ null null null"), roles.get(0));
        // CAS-01 ASST 2025 (per Ambito): 52 weeks for each of Saronno and Gallarate, the Ambiti with data
        assertEquals(List.of("1 52 AMB-GALLARATE ambito AMB-GALLARATE null null null", "2 52 AMB-SARONNO ambito AMB-SARONNO null null null"),
                rows("CAS-01", 2025, "ASST", ASST, "denominator"));
        // FLU-01 S 2025: two semesters due, both delivered; 2025-S1 by its re-send, which stands
        assertEquals(List.of("1 1 AMB-SARONNO consegna FLUSSO-AMB-SARONNO-20250720T020000 FLUSSO_AMB-SARONNO_20250720T020000 null null",
                        "2 1 AMB-SARONNO consegna FLUSSO-AMB-SARONNO-20260601T020000 FLUSSO_AMB-SARONNO_20260601T020000 null null"),
                rows("FLU-01", 2025, "AMBITO", S, "numerator"));
        // Alto Milanese's 2025-S2 never came: a semester due without a delivery
        assertTrue(rows("FLU-01", 2025, "AMBITO", "AMB-ALTO-MILANESE", "denominator").contains("2 1 AMB-ALTO-MILANESE consegna null null null null"));
    }

    @Test
    void theFilesOfTheNightHoldEveryAmbitoAndYearWithTheExactHeader() throws Exception {
        java.nio.file.Path reports = java.nio.file.Files.createTempDirectory("cabina-spiegazioni");
        CabinaContext here = new CabinaContext(ctx.config().withPaths(null, null, reports.toString()), ctx.spark(), ctx.store(),
                ctx.territory(), ctx.codeLists(), ctx.rules());
        long[] written = new ExplanationFiles(here, catalog).write(IndicatorFixture.AS_OF, line -> { });
        assertEquals(12 * 3, written[0], "every Ambito of the reference, 2025 to 2027");
        List<String> lines = java.nio.file.Files.readAllLines(reports.resolve(it.cabina.warehouse.published.ExplanationFile.path(2025, S)));
        assertEquals("indicator,year,level,territory,part,unit,contribution,sender,record_type,record_id,delivery,file,line", lines.get(0));
        assertTrue(lines.contains("SAD-01,2025,AMBITO,AMB-SARONNO,numerator,1,1,AMB-SARONNO,progetto,PR1," + CSI_S + ",progetti.csv,2"), lines.toString());
        // an Ambito that sent nothing: only the FLUSSO semesters it owed
        assertEquals(List.of(lines.get(0), "FLU-01,2025,AMBITO,AMB-PAULLO,denominator,1,1,AMB-PAULLO,consegna,,,,",
                "FLU-01,2025,AMBITO,AMB-PAULLO,denominator,2,1,AMB-PAULLO,consegna,,,,"), java.nio.file.Files.readAllLines(reports.resolve(
                it.cabina.warehouse.published.ExplanationFile.path(2025, "AMB-PAULLO"))));
    }
}
