package it.cabina.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.cabina.portal.web.PortalServer;
import it.cabina.warehouse.config.CabinaConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reports folder shaped as the nightly writes it (index.json, report files, data/cruscotto, data/stato.json), users of
 * every level, and a portal server over them. Territories are the real ones of conf/territory.
 */
final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String PASSWORD = "una-password-lunga";

    /** Busto Arsizio and Saronno are Ambiti of ASST 030711 (Valle Olona), in ATS 030322 (Insubria); Alto Milanese is elsewhere. */
    static final String BUSTO = "AMB-BUSTO-ARSIZIO", SARONNO = "AMB-SARONNO", ALTO_MILANESE = "AMB-ALTO-MILANESE";
    static final String VALLE_OLONA = "030711", OVEST_MILANESE = "030705", INSUBRIA = "030322", MILANO = "030321";

    /** The bytes of every report file start with this, then the path: a download can be checked to be the right file. */
    static final String PDF_HEAD = "%PDF-1.4\n% cabina fixture ";

    /** A clock tests move forward by hand. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T08:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public synchronized Instant instant() { return now; }
        synchronized void advance(Duration d) { now = now.plus(d); }
    }

    static CabinaConfig config() {
        return CabinaConfig.load();
    }

    record Territory(String level, String code, String name) {}

    static final List<Territory> TERRITORIES = List.of(
            new Territory("AMBITO", BUSTO, "Busto Arsizio"),
            new Territory("AMBITO", SARONNO, "Saronno"),
            new Territory("AMBITO", ALTO_MILANESE, "Alto Milanese"),
            new Territory("ASST", VALLE_OLONA, "ASST della Valle Olona"),
            new Territory("ASST", OVEST_MILANESE, "ASST Ovest Milanese"),
            new Territory("ATS", INSUBRIA, "ATS dell'Insubria"),
            new Territory("ATS", MILANO, "ATS della Città Metropolitana di Milano"),
            new Territory("REGIONE", "03", "Regione Lombardia"));

    /** Writes the reports folder; returns it. A file "non-indicizzato.pdf" and a file outside the folder are written too. */
    static Path reports(Path root) throws IOException {
        Path reports = root.resolve("reports");
        List<Map<String, Object>> index = new ArrayList<>();
        for (Territory t : TERRITORIES) {
            entry(reports, index, "cruscotto", "2026", t, "Cruscotto indicatori", "pdf", "2026-11-23T02:14:05Z");
            entry(reports, index, "cruscotto", "2026", t, "Cruscotto indicatori", "xlsx", "2026-11-23T02:14:05Z");
            entry(reports, index, "cruscotto", "2025", t, "Cruscotto indicatori", "pdf", "2026-01-20T02:10:00Z");
            entry(reports, index, "semestrale", "2026-S1", t, "Restituzione semestrale", "pdf", "2026-11-23T02:14:09Z");
            entry(reports, index, "qualita", "2026-S1", t, "Qualità dei dati", "xlsx", "2026-11-23T02:14:11Z");
            dashboard(reports, 2026, t);
            dashboard(reports, 2025, t);
        }
        write(reports.resolve("index.json"), JSON.writeValueAsString(Map.of("reports", index)));
        write(reports.resolve("cruscotto/2026/AMBITO/non-indicizzato.pdf"), PDF_HEAD + "non-indicizzato");
        write(root.resolve("fuori.txt"), "SEGRETO fuori dalla cartella dei report");
        write(reports.resolve("data/stato.json"), JSON.writeValueAsString(status()));
        return reports;
    }

    static String path(String report, String period, String level, String code, String format) {
        return report + "/" + period + "/" + level + "/" + code + "." + format;
    }

    private static void entry(Path reports, List<Map<String, Object>> index, String report, String period, Territory t,
                              String title, String format, String generatedAt) throws IOException {
        String path = path(report, period, t.level(), t.code(), format);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("report", report);
        e.put("period", period);
        e.put("level", t.level());
        e.put("territory", t.code());
        e.put("territory_name", t.name());
        e.put("title", title);
        e.put("format", format);
        e.put("path", path);
        e.put("generated_at", generatedAt);
        index.add(e);
        write(reports.resolve(path), PDF_HEAD + path);
    }

    private static void dashboard(Path reports, int year, Territory t) throws IOException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("report", "cruscotto");
        d.put("year", year);
        d.put("level", t.level());
        d.put("territory", t.code());
        d.put("territory_name", t.name());
        d.put("generated_at", "2026-11-23T02:14:05Z");
        d.put("run_id", "run-20261123T021000.000");
        d.put("as_of", "2026-11-23");
        d.put("years", List.of(2025, 2026, 2027));
        d.put("protection_threshold", 3);
        d.put("areas", List.of(
                Map.of("area", "E", "title", "Domiciliarità (SAD)", "indicators", List.of(
                        indicator("SAD-01", "Progetti SAD integrati con la componente sanitaria", "%", "12", "20", 60.0, "60,0%", "≥ 75%",
                                "NON_RAGGIUNTO", "Non raggiunto", null,
                                List.of(point(2025, 40.0, "40,0%", "≥ 50%", "NON_RAGGIUNTO"), point(2026, 60.0, "60,0%", "≥ 75%", "NON_RAGGIUNTO"),
                                        point(2027, null, "—", "≥ 100%", "NON_CALCOLABILE"))),
                        indicator("SAD-02", "Utenti SAD con valutazione multidimensionale", "n", "<3", "15", null, "—", "—",
                                "MONITORAGGIO", "Monitoraggio", null,
                                List.of(point(2025, 10.0, "10", null, "BASELINE"), point(2026, null, "—", null, "MONITORAGGIO"),
                                        point(2027, null, "—", null, "NON_CALCOLABILE"))))),
                Map.of("area", "F", "title", "Dimissioni protette", "indicators", List.of(
                        indicator("DIM-01", "Dimissioni protette con servizi attivati entro 7 giorni", "%", "18", "20", 90.0, "90,0%", "≥ 80%",
                                "RAGGIUNTO", "Raggiunto", null,
                                List.of(point(2025, 70.0, "70,0%", null, "BASELINE"), point(2026, 90.0, "90,0%", "≥ 80%", "RAGGIUNTO"),
                                        point(2027, null, "—", "≥ 90%", "NON_CALCOLABILE"))),
                        indicator("DIM-02", "Variazione delle dimissioni protette rispetto all'anno precedente", "%", "0", "0", null, "—", "≥ +5%",
                                "NON_CALCOLABILE", "Non calcolabile", "Denominatore zero: nessuna dimissione protetta nell'anno precedente",
                                List.of(point(2025, null, "—", null, "NON_CALCOLABILE"), point(2026, null, "—", "≥ +5%", "NON_CALCOLABILE"),
                                        point(2027, null, "—", "≥ +5%", "NON_CALCOLABILE")))))));
        write(reports.resolve("data/cruscotto/" + year + "/" + t.level() + "/" + t.code() + ".json"), JSON.writeValueAsString(d));
    }

    private static Map<String, Object> indicator(String code, String title, String unit, String num, String den, Double value, String valueText,
                                                 String target, String status, String statusLabel, String note, List<Map<String, Object>> trend) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("code", code);
        i.put("title", title);
        i.put("unit", unit);
        i.put("numerator_text", num);
        i.put("denominator_text", den);
        i.put("value", value);
        i.put("value_text", valueText);
        i.put("target_text", target);
        i.put("status", status);
        i.put("status_label", statusLabel);
        i.put("note", note);
        i.put("trend", trend);
        return i;
    }

    private static Map<String, Object> point(int year, Double value, String text, String target, String status) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("year", year);
        p.put("value", value);
        p.put("value_text", text);
        p.put("target", target == null ? null : Double.valueOf(target.replaceAll("[^0-9]", "")));
        p.put("target_text", target);
        p.put("status", status);
        return p;
    }

    private static Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("generated_at", "2026-11-23T02:14:12Z");
        s.put("last_run", Map.of("run_id", "run-20261123T021000.000", "started_at", "2026-11-23T02:10:00Z",
                "finished_at", "2026-11-23T02:14:12Z", "as_of", "2026-11-23", "outcome", "PARTIAL"));
        s.put("last_load", "2026-11-23T02:12:00Z");
        s.put("missing_deliveries", List.of(
                missing("FLUSSO", BUSTO, BUSTO, "2026-S1", "2026-08-29", 86),
                missing("CSI", ALTO_MILANESE, ALTO_MILANESE, "2026-S1", "2026-08-29", 86),
                missing("FLUSSO", SARONNO, SARONNO, "2025-S2", "2026-03-01", 267)));
        return s;
    }

    private static Map<String, Object> missing(String source, String sender, String ambito, String period, String due, int late) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("sender", sender);
        m.put("ambito", ambito);
        m.put("period", period);
        m.put("due", due);
        m.put("days_late", late);
        return m;
    }

    /** Users: one per level, and an admin. All have PASSWORD. */
    static Path users(Path root, TerritoryAccess access) {
        Path file = root.resolve("portal/users.json");
        UserStore store = UserStore.openOrEmpty(file);
        store.put("busto", PASSWORD, List.of(new Scope(Level.AMBITO, BUSTO)), false, access);
        store.put("pianificatore.valleolona", PASSWORD, List.of(new Scope(Level.ASST, VALLE_OLONA)), false, access);
        store.put("insubria", PASSWORD, List.of(new Scope(Level.ATS, INSUBRIA)), false, access);
        store.put("regione", PASSWORD, List.of(new Scope(Level.REGIONE, "03")), false, access);
        store.put("admin", PASSWORD, List.of(), true, access);
        store.save();
        return file;
    }

    /**
     * Settings as in conf/cabina.yaml but with short, test-driven waits, the logs under root, and these trusted proxies.
     */
    static CabinaConfig config(Path root, List<String> trustedProxies) {
        CabinaConfig base = config();
        CabinaConfig.Portal p = base.portal();
        return base.withPortal(new CabinaConfig.Portal(root.resolve("portal/users.json"), root.resolve("portal/audit.log"),
                root.resolve("portal/access.log"), Duration.ofMinutes(30), 3, Duration.ofSeconds(10), Duration.ofSeconds(60),
                p.maxTrackedFailures(), trustedProxies));
    }

    /** A running server over a fresh fixture (see {@link #config(Path, List)}), trusting no proxy. */
    static PortalServer server(Path root, Clock clock) throws IOException {
        return server(root, clock, List.of());
    }

    static PortalServer server(Path root, Clock clock, List<String> trustedProxies) throws IOException {
        CabinaConfig config = config(root, trustedProxies);
        Path reports = reports(root);
        Path users = users(root, TerritoryAccess.of(config));
        return new PortalServer(PortalServer.Setup.of(config, reports, users, config.portal().auditLog(), clock)).start("127.0.0.1", 0);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
