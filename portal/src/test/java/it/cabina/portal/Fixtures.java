package it.cabina.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.portal.web.PortalServer;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.LoadStatus;
import it.cabina.warehouse.published.PublishedJson;
import it.cabina.warehouse.published.ReportEntry;
import it.cabina.warehouse.published.ReportIndexFile;
import it.cabina.warehouse.published.ReportKind;

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
import java.util.List;
import java.util.Map;

/**
 * A reports folder shaped as the nightly writes it (index.json, report files, data/cruscotto, data/stato.json), built
 * from the published types and written as the nightly writes them; users of every level, and a portal server over them.
 * Territories are the real ones of conf/territory.
 */
final class Fixtures {
    /** For the portal's own JSON answers (/health). */
    static final ObjectMapper JSON = new ObjectMapper();
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
        List<ReportEntry> index = new ArrayList<>();
        for (Territory t : TERRITORIES) {
            entry(reports, index, ReportKind.CRUSCOTTO, "2026", t, "pdf", "2026-11-23T02:14:05Z");
            entry(reports, index, ReportKind.CRUSCOTTO, "2026", t, "xlsx", "2026-11-23T02:14:05Z");
            entry(reports, index, ReportKind.CRUSCOTTO, "2025", t, "pdf", "2026-01-20T02:10:00Z");
            entry(reports, index, ReportKind.SEMESTRALE, "2026-S1", t, "pdf", "2026-11-23T02:14:09Z");
            entry(reports, index, ReportKind.QUALITA, "2026-S1", t, "xlsx", "2026-11-23T02:14:11Z");
            publish(reports, Dashboard.path(2026, t.level(), t.code()), dashboard(2026, t));
            publish(reports, Dashboard.path(2025, t.level(), t.code()), dashboard(2025, t));
        }
        publish(reports, ReportIndexFile.PATH, new ReportIndexFile(index));
        write(reports.resolve("cruscotto/2026/AMBITO/non-indicizzato.pdf"), PDF_HEAD + "non-indicizzato");
        write(root.resolve("fuori.txt"), "SEGRETO fuori dalla cartella dei report");
        publish(reports, LoadStatus.PATH, status());
        return reports;
    }

    /** The JSON files of the fixture, relative to the reports folder, with the type each is read as. */
    static final Map<String, Class<?>> PUBLISHED_FILES = Map.of(
            ReportIndexFile.PATH, ReportIndexFile.class,
            LoadStatus.PATH, LoadStatus.class,
            Dashboard.path(2026, "AMBITO", BUSTO), Dashboard.class,
            Dashboard.path(2025, "REGIONE", "03"), Dashboard.class);

    private static void publish(Path reports, String relative, Object published) throws IOException {
        Path file = reports.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, PublishedJson.write(published));
    }

    static String path(String report, String period, String level, String code, String format) {
        return report + "/" + period + "/" + level + "/" + code + "." + format;
    }

    private static void entry(Path reports, List<ReportEntry> index, ReportKind kind, String period, Territory t,
                              String format, String generatedAt) throws IOException {
        String path = path(kind.slug(), period, t.level(), t.code(), format);
        index.add(new ReportEntry(kind.slug(), period, t.level(), t.code(), t.name(), kind.title(), format, path, generatedAt));
        write(reports.resolve(path), PDF_HEAD + path);
    }

    static Dashboard dashboard(int year, Territory t) {
        return new Dashboard(ReportKind.CRUSCOTTO.slug(), year, t.level(), t.code(), t.name(), "2026-11-23T02:14:05Z",
                "run-20261123T021000.000", "2026-11-23", List.of(2025, 2026, 2027), 3, List.of(
                new Dashboard.Area("E", "Domiciliarità (SAD)", List.of(
                        indicator("SAD-01", "Progetti SAD integrati con la componente sanitaria", "%", "12", "20", 60.0, "60,0%", "≥ 75%",
                                "NON_RAGGIUNTO", "Non raggiunto", null,
                                List.of(point(2025, 40.0, "40,0%", "≥ 50%", "NON_RAGGIUNTO"), point(2026, 60.0, "60,0%", "≥ 75%", "NON_RAGGIUNTO"),
                                        point(2027, null, "—", "≥ 100%", "NON_CALCOLABILE"))),
                        indicator("SAD-02", "Utenti SAD con valutazione multidimensionale", "n", "<3", "15", null, "—", "—",
                                "MONITORAGGIO", "Monitoraggio", null,
                                List.of(point(2025, 10.0, "10", null, "BASELINE"), point(2026, null, "—", null, "MONITORAGGIO"),
                                        point(2027, null, "—", null, "NON_CALCOLABILE"))))),
                new Dashboard.Area("F", "Dimissioni protette", List.of(
                        indicator("DIM-01", "Dimissioni protette con servizi attivati entro 7 giorni", "%", "18", "20", 90.0, "90,0%", "≥ 80%",
                                "RAGGIUNTO", "Raggiunto", null,
                                List.of(point(2025, 70.0, "70,0%", null, "BASELINE"), point(2026, 90.0, "90,0%", "≥ 80%", "RAGGIUNTO"),
                                        point(2027, null, "—", "≥ 90%", "NON_CALCOLABILE"))),
                        indicator("DIM-02", "Variazione delle dimissioni protette rispetto all'anno precedente", "%", "0", "0", null, "—", "≥ +5%",
                                "NON_CALCOLABILE", "Non calcolabile", "Denominatore zero: nessuna dimissione protetta nell'anno precedente",
                                List.of(point(2025, null, "—", null, "NON_CALCOLABILE"), point(2026, null, "—", "≥ +5%", "NON_CALCOLABILE"),
                                        point(2027, null, "—", "≥ +5%", "NON_CALCOLABILE")))))));
    }

    private static Dashboard.Indicator indicator(String code, String title, String unit, String num, String den, Double value,
                                                 String valueText, String target, String status, String statusLabel, String note,
                                                 List<Dashboard.TrendPoint> trend) {
        return new Dashboard.Indicator(code, title, unit, num, den, value, valueText, target, status, statusLabel, note, trend);
    }

    private static Dashboard.TrendPoint point(int year, Double value, String text, String target, String status) {
        return new Dashboard.TrendPoint(year, value, text, target == null ? null : Double.valueOf(target.replaceAll("[^0-9]", "")),
                target, status);
    }

    static LoadStatus status() {
        return new LoadStatus("2026-11-23T02:14:12Z", "run-20261123T021000.000", "2026-11-23", "2026-11-23T02:12:00Z",
                new LoadStatus.Run("run-20261123T021000.000", "2026-11-23T02:14:12Z", "2026-11-23", "PARTIAL"),
                List.of(new LoadStatus.MissingDelivery("FLUSSO", BUSTO, BUSTO, "2026-S1", "2026-08-29", 86),
                        new LoadStatus.MissingDelivery("CSI", ALTO_MILANESE, ALTO_MILANESE, "2026-S1", "2026-08-29", 86),
                        new LoadStatus.MissingDelivery("FLUSSO", SARONNO, SARONNO, "2025-S2", "2026-03-01", 267)),
                List.of(new LoadStatus.Correction("FLUSSO", SARONNO, "2026-S1", "2026-07-20", true, "2026-10-02", 2)));
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
