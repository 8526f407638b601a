package it.cabina.generator;

import it.cabina.generator.GenerationSummary.DeliverySummary;
import it.cabina.generator.LandingReader.Delivery;
import it.cabina.warehouse.config.CabinaConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The demo landing (scale DEMO, what {@code cabina demo} loads) gives the indicators of contract 1.2 something to
 * measure: figures a SMALL run is too small for. Read from the files, as the warehouse will: the current version of
 * each record (latest {@code aggiornato_il}) of the deliveries that load.
 */
class DemoFiguresTest {
    @TempDir
    static Path tmp;
    static GenerationSummary summary;
    static Map<String, Delivery> files;
    static final LocalDate TO = GeneratorOptions.defaults(Path.of(".")).to();

    @BeforeAll
    static void generate() throws IOException {
        Path landing = tmp.resolve("landing");
        summary = new DeliveryGenerator().generate(GeneratorOptions.defaults(landing), CabinaConfig.load());
        files = LandingReader.read(landing).stream().collect(Collectors.toMap(Delivery::name, d -> d));
    }

    @Test
    void aFewWomenVictimsOfViolenceAndTheirSheltersUnder12() {
        Map<String, Map<String, String>> cases = current("prese_in_carico.csv", "id_presa_in_carico");
        long known = cases.values().stream().filter(c -> !c.getOrDefault("vittima_violenza", "").isEmpty()).count();
        long victims = cases.values().stream().filter(c -> "S".equals(c.get("vittima_violenza"))).count();
        assertTrue(victims >= 0.005 * known && victims <= 0.05 * known, victims + " victims of " + known);
        assertTrue(cases.values().stream().anyMatch(c -> "".equals(c.get("vittima_violenza"))), "some left empty under 1.2");
        Map<String, Set<String>> codes = new HashMap<>();
        for (DeliverySummary d : loading()) {
            if (d.source() != Source.FLUSSO) continue;
            for (Map<String, String> row : rows(d, "prestazioni.csv")) {
                String code = row.get("codice_prestazione");
                if (!code.equals("CASA_RIFUGIO") && !code.equals("COMUNITA_MAMMA_BAMBINO")) continue;
                assertEquals(SpecVersion.V1_2, d.spec(), d.name());
                assertEquals("GIORNATE", row.get("unita_misura"));
                BigDecimal perDay = new BigDecimal(row.get("spesa_totale").replace(',', '.'))
                        .divide(new BigDecimal(row.get("quantita").replace(',', '.')), 2, java.math.RoundingMode.HALF_UP);
                assertTrue(perDay.compareTo(BigDecimal.valueOf(60)) >= 0 && perDay.compareTo(BigDecimal.valueOf(150)) <= 0, row.toString());
                codes.computeIfAbsent(code, k -> new HashSet<>()).add(row.get("codice_fiscale"));
            }
        }
        assertEquals(Set.of("CASA_RIFUGIO", "COMUNITA_MAMMA_BAMBINO"), codes.keySet());
    }

    @Test
    void milestonesAreReachedOnTimeLateOrNotPostponedAndDropped() {
        Map<String, List<Map<String, String>>> versions = new TreeMap<>();
        for (DeliverySummary d : loading()) {
            for (Map<String, String> row : rows(d, "traguardi.csv")) {
                versions.computeIfAbsent(d.sender() + "/" + row.get("id_traguardo"), k -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> perAmbito = new TreeMap<>();
        for (Map.Entry<String, List<Map<String, String>>> e : versions.entrySet()) {
            List<Map<String, String>> v = e.getValue();
            v.sort(Comparator.comparing((Map<String, String> row) -> row.get("aggiornato_il")));
            Map<String, String> last = v.get(v.size() - 1);
            perAmbito.merge(e.getKey().substring(0, e.getKey().indexOf('/')), 1, Integer::sum);
            if (v.stream().map(row -> row.get("data_prevista")).distinct().count() > 1) outcomes.merge("postponed", 1, Integer::sum);
            String outcome = last.get("stato_record").equals("ANNULLATO") ? "withdrawn"
                    : last.get("stato").equals("NON_PIU_PREVISTO") ? "dropped"
                    : last.get("stato").equals("RAGGIUNTO")
                    ? (last.get("data_raggiungimento").compareTo(last.get("data_prevista")) <= 0 ? "on time" : "late")
                    : LocalDate.parse(last.get("data_prevista")).isBefore(TO) ? "overdue" : "pending";
            outcomes.merge(outcome, 1, Integer::sum);
        }
        assertEquals(Set.of("on time", "late", "postponed", "dropped", "withdrawn", "overdue", "pending"), outcomes.keySet(), outcomes.toString());
        perAmbito.forEach((a, n) -> assertTrue(n >= 4 && n <= 12, a + ": " + n));
    }

    @Test
    void monitoringMeetingsAndEvmSessionsGiveVariedFigures() {
        Map<String, Map<String, String>> activities = current("attivita.csv", "id_attivita");
        Map<String, Map<String, int[]>> themes = new TreeMap<>();
        Map<String, List<LocalDate>> evm = new TreeMap<>();
        Set<String> trainingTopics = new HashSet<>();
        for (Map<String, String> a : activities.values()) {
            if (!a.get("stato").equals("SVOLTA") || a.getOrDefault("tema", "").isEmpty() || !a.get("stato_record").equals("ATTIVO")) continue;
            if (a.get("tipo_attivita").equals("SEDUTA_EVM")) evm.computeIfAbsent(a.get("codice_ambito"), k -> new ArrayList<>()).add(LocalDate.parse(a.get("data")));
            if (a.get("tipo_attivita").equals("FORMAZIONE_OPERATORI")) trainingTopics.add(a.get("tema"));
            if (!a.get("data").startsWith("2026")) continue;
            int[] n = themes.computeIfAbsent(a.get("codice_ambito"), k -> new TreeMap<>()).computeIfAbsent(a.get("tema"), k -> new int[1]);
            if (a.get("tipo_attivita").equals("INCONTRO_MONITORAGGIO")) n[0]++;
        }
        // MON-01 of 2026 per Ambito: topics monitored twice or more over topics with activities done
        Set<Long> mon01 = new HashSet<>();
        themes.forEach((a, t) -> mon01.add(Math.round(100.0 * t.values().stream().filter(n -> n[0] >= 2).count() / t.size())));
        assertTrue(mon01.size() >= 4, "MON-01 values: " + mon01);
        for (List<LocalDate> days : evm.values()) {
            days.sort(null);
            for (int i = 1; i < days.size(); i++) {
                long gap = ChronoUnit.DAYS.between(days.get(i - 1), days.get(i));
                assertTrue(gap >= 40 && gap <= 250, "UVM/EVM sessions every two or three months (one may be cancelled): " + days);
            }
        }
        assertTrue(trainingTopics.size() >= 4 && trainingTopics.contains("DIMISSIONI_PROTETTE"), trainingTopics.toString());
    }

    @Test
    void pippiProjectsAndRepeatedDischargesInEveryAmbito() {
        Map<String, Long> pip06 = current("progetti.csv", "id_progetto").values().stream()
                .filter(p -> p.get("tipo_progetto").equals("PROGETTO_PIPPI") && p.get("stato_record").equals("ATTIVO"))
                .filter(p -> p.get("data_avvio").compareTo("2025-01-01") >= 0 && p.get("data_avvio").compareTo("2026-03-31") <= 0)
                .collect(Collectors.groupingBy(p -> p.get("_sender"), Collectors.counting()));
        long ambiti = summary.deliveries(Source.CSI).stream().map(DeliverySummary::sender).distinct().count();
        assertTrue(pip06.size() >= ambiti * 2 / 3, "PIPPI projects started in most Ambiti: " + pip06);
        assertTrue(pip06.values().stream().distinct().count() > 1, "PIP-06 varies: " + pip06);
        Map<String, Long> discharges = current("dimissioni_protette.csv", "id_dimissione").values().stream()
                .filter(d -> d.get("data_dimissione").startsWith("2025"))
                .collect(Collectors.groupingBy(d -> d.get("_sender") + "/" + d.get("id_persona"), Collectors.counting()));
        assertTrue(discharges.values().stream().filter(n -> n >= 2).count() >= 5, "DIM-06: persons discharged twice in 2025");
    }

    // ---- helpers ----

    private static List<DeliverySummary> loading() {
        return summary.deliveries().stream().filter(DeliverySummary::loads).filter(d -> d.source() != Source.AFAM)
                .sorted(Comparator.comparing(DeliverySummary::extractedAt).thenComparing(DeliverySummary::name)).toList();
    }

    private static List<Map<String, String>> rows(DeliverySummary d, String file) {
        return LandingReader.rows(files.get(d.name()), d, file, false);
    }

    /** The current version of each record of a CSI file, by sender and id; {@code _sender} names the sender. */
    private static Map<String, Map<String, String>> current(String file, String key) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (DeliverySummary d : loading()) {
            for (Map<String, String> row : rows(d, file)) {
                row.put("_sender", d.sender());
                out.merge(d.sender() + "/" + row.get(key), row,
                        (a, b) -> b.get("aggiornato_il").compareTo(a.get("aggiornato_il")) >= 0 ? b : a);
            }
        }
        return out;
    }

}
