package it.cabina.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.portal.web.PortalServer;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.published.Comparison;
import it.cabina.warehouse.published.Dashboard;
import it.cabina.warehouse.published.DeliveryEsito;
import it.cabina.warehouse.published.ExplanationFile;
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
            if (!t.level().equals("AMBITO")) {
                entry(reports, index, ReportKind.CONFRONTO, "2026", t, "pdf", "2026-11-23T02:14:07Z");
                publish(reports, Comparison.path(2026, t.level(), t.code()), comparison(2026, t));
            }
        }
        for (String ambito : List.of(BUSTO, SARONNO)) write(reports.resolve(ExplanationFile.path(2026, ambito)), explanation(ambito));
        publish(reports, ReportIndexFile.PATH, new ReportIndexFile(index));
        write(reports.resolve("cruscotto/2026/AMBITO/non-indicizzato.pdf"), PDF_HEAD + "non-indicizzato");
        write(root.resolve("fuori.txt"), "SEGRETO fuori dalla cartella dei report");
        publish(reports, LoadStatus.PATH, status());
        return reports;
    }

    /** The Ambiti of the comparison of a territory: Busto Arsizio and Saronno below Valle Olona and Insubria, all three below the Region. */
    static List<Territory> ambitiBelow(Territory t) {
        return switch (t.level()) {
            case "ASST", "ATS" -> t.code().equals(VALLE_OLONA) || t.code().equals(INSUBRIA)
                    ? List.of(TERRITORIES.get(0), TERRITORIES.get(1)) : List.of(TERRITORIES.get(2));
            default -> TERRITORIES.subList(0, 3);
        };
    }

    static Comparison comparison(int year, Territory t) {
        List<Territory> ambiti = ambitiBelow(t);
        List<Comparison.Cell> sad = new java.util.ArrayList<>(), dim = new java.util.ArrayList<>();
        for (int i = 0; i < ambiti.size(); i++) {
            sad.add(i % 2 == 0 ? new Comparison.Cell("80,0%", "RAGGIUNTO", "Raggiunto") : new Comparison.Cell("40,0%", "NON_RAGGIUNTO", "Non raggiunto"));
            dim.add(new Comparison.Cell("—", "NON_CALCOLABILE", "Non calcolabile"));
        }
        return new Comparison(ReportKind.CONFRONTO.slug(), year, t.level(), t.code(), t.name(), "2026-11-23T02:14:07Z",
                "run-20261123T021000.000", "2026-11-23", ambiti.stream().map(a -> new Comparison.Ambito(a.code(), a.name())).toList(), List.of(
                new Comparison.Area("E", "Domiciliarità (SAD)", List.of(
                        new Comparison.Row("SAD-01", "Progetti SAD integrati con la componente sanitaria", "%", "≥ 75%",
                                new Comparison.Cell("60,0%", "NON_RAGGIUNTO", "Non raggiunto"), (ambiti.size() + 1) / 2 + " su " + ambiti.size(), sad))),
                new Comparison.Area("F", "Dimissioni protette", List.of(
                        new Comparison.Row("DIM-02", "Variazione delle dimissioni protette", "%", "≥ +5%",
                                new Comparison.Cell("—", "NON_CALCOLABILE", "Non calcolabile"), null, dim)))));
    }

    /** The explanation of an Ambito's figures: SAD-01's numerator (2 projects) and denominator (3), DIM-01's numerator. */
    static String explanation(String ambito) {
        String d = "CSI_" + ambito + "_20261115T020000";
        return ExplanationFile.HEADER + "\n"
                + "SAD-01,2026,AMBITO," + ambito + ",numerator,1,1," + ambito + ",progetto,PR1," + d + ",progetti.csv,2\n"
                + "SAD-01,2026,AMBITO," + ambito + ",numerator,2,1," + ambito + ",progetto,PR7," + d + ",progetti.csv,8\n"
                + "SAD-01,2026,AMBITO," + ambito + ",denominator,1,1," + ambito + ",progetto,PR1," + d + ",progetti.csv,2\n"
                + "SAD-01,2026,AMBITO," + ambito + ",denominator,2,1," + ambito + ",progetto,PR7," + d + ",progetti.csv,8\n"
                + "SAD-01,2026,AMBITO," + ambito + ",denominator,3,1," + ambito + ",progetto,\"PR,9\"," + d + ",progetti.csv,10\n"
                + "DIM-01,2026,AMBITO," + ambito + ",numerator,1,1," + ambito + ",dimissione,D1," + d + ",dimissioni_protette.csv,2\n";
    }

    /** The esiti of the fixture: two of Busto Arsizio (one with rows set aside), one of Saronno, one of the Region's AFAM. */
    static Path esiti(Path root) throws IOException {
        Path esiti = root.resolve("esiti");
        esito(esiti, BUSTO, "CSI_" + BUSTO + "_20261015T020000", "LOADED", "2026-10-16T01:10:00Z", 0);
        esito(esiti, BUSTO, "CSI_" + BUSTO + "_20261115T020000", "LOADED", "2026-11-16T01:10:00Z", 2);
        esito(esiti, SARONNO, "CSI_" + SARONNO + "_20261115T020000", "REJECTED", "2026-11-16T01:10:00Z", 0);
        esito(esiti, "RL", "AFAM_RL_20260630T200000", "LOADED", "2026-07-01T01:10:00Z", 0);
        write(esiti.resolve(BUSTO).resolve("nascosto.txt"), "SEGRETO negli esiti");
        return esiti;
    }

    private static void esito(Path esiti, String sender, String delivery, String status, String at, long setAside) throws IOException {
        boolean rejected = status.equals("REJECTED");
        DeliveryEsito e = new DeliveryEsito(delivery, delivery.replace('_', '-'), delivery.substring(0, delivery.indexOf('_')), sender, status,
                DeliveryEsito.statusText(status), at, "run-x", at, null, null,
                rejected ? List.of("file prese_in_carico.csv: column 'data_chiusura' is missing") : List.of(), List.of(),
                List.of(new DeliveryEsito.FileCounts("prese_in_carico.csv", 10L, rejected ? 0L : 10L, rejected ? 0L : 10 - setAside,
                        rejected ? 0L : setAside, 0L)), setAside > 0 ? delivery + DeliveryEsito.SET_ASIDE_SUFFIX : null);
        Path file = esiti.resolve(DeliveryEsito.path(sender, delivery));
        Files.createDirectories(file.getParent());
        Files.write(file, PublishedJson.write(e));
        if (setAside > 0) {
            write(esiti.resolve(DeliveryEsito.setAsidePath(sender, delivery)), DeliveryEsito.SET_ASIDE_HEADER + "\n"
                    + "prese_in_carico.csv,3,codice_fiscale,TAX_CODE,[codice fiscale oscurato, 16 caratteri],Codice fiscale non valido\n"
                    + "prese_in_carico.csv,7,data_apertura,FORMAT,2026-13-01,Data non valida\n");
        }
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
        index.add(new ReportEntry(kind.slug(), period, t.level(), t.code(), t.name(), kind.title(), format, path, generatedAt, null));
        write(reports.resolve(path), PDF_HEAD + path);
    }

    static Dashboard dashboard(int year, Territory t) {
        return new Dashboard(ReportKind.CRUSCOTTO.slug(), year, t.level(), t.code(), t.name(), "2026-11-23T02:14:05Z",
                "run-20261123T021000.000", "2026-11-23", List.of(2025, 2026, 2027), 3, List.of(
                new Dashboard.Area("E", "Domiciliarità (SAD)", List.of(
                        indicator("SAD-01", "Progetti SAD integrati con la componente sanitaria", "%", "12", "20", 60.0, "60,0%", "≥ 75%",
                                "NON_RAGGIUNTO", "Non raggiunto", null,
                                List.of(point(2025, 40.0, "40,0%", "≥ 50%", "NON_RAGGIUNTO"), point(2026, 60.0, "60,0%", "≥ 75%", "NON_RAGGIUNTO"),
                                        point(2027, null, "—", "≥ 100%", "NON_CALCOLABILE")), t.level().equals("AMBITO") ? null : "2 su 3"),
                        indicator("SAD-02", "Utenti SAD con valutazione multidimensionale", "n", "<3", "15", null, "—", "—",
                                "MONITORAGGIO", "Monitoraggio", null,
                                List.of(point(2025, 10.0, "10", null, "BASELINE"), point(2026, null, "—", null, "MONITORAGGIO"),
                                        point(2027, null, "—", null, "NON_CALCOLABILE")), t.level().equals("AMBITO") ? null : "1 su 2"))),
                new Dashboard.Area("F", "Dimissioni protette", List.of(
                        indicator("DIM-01", "Dimissioni protette con servizi attivati entro 7 giorni", "%", "18", "20", 90.0, "90,0%", "≥ 80%",
                                "RAGGIUNTO", "Raggiunto", null,
                                List.of(point(2025, 70.0, "70,0%", null, "BASELINE"), point(2026, 90.0, "90,0%", "≥ 80%", "RAGGIUNTO"),
                                        point(2027, null, "—", "≥ 90%", "NON_CALCOLABILE")), null),
                        indicator("DIM-02", "Variazione delle dimissioni protette rispetto all'anno precedente", "%", "0", "0", null, "—", "≥ +5%",
                                "NON_CALCOLABILE", "Non calcolabile", "Denominatore zero: nessuna dimissione protetta nell'anno precedente",
                                List.of(point(2025, null, "—", null, "NON_CALCOLABILE"), point(2026, null, "—", "≥ +5%", "NON_CALCOLABILE"),
                                        point(2027, null, "—", "≥ +5%", "NON_CALCOLABILE")), null)))));
    }

    private static Dashboard.Indicator indicator(String code, String title, String unit, String num, String den, Double value,
                                                 String valueText, String target, String status, String statusLabel, String note,
                                                 List<Dashboard.TrendPoint> trend, String onTarget) {
        return new Dashboard.Indicator(code, title, unit, num, den, value, valueText, target, status, statusLabel, note, trend, onTarget);
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
                List.of(new LoadStatus.Correction("FLUSSO", SARONNO, "2026-S1", "2026-07-20", true, "2026-10-02", 2)),
                List.of(new LoadStatus.Anomaly("FLUSSO_SPESA", "FLUSSO", BUSTO, "AMBITO", BUSTO, "2026-S1", "spesa totale (euro)", 201500.0,
                                282100.0, 806000.0, "ATTENZIONE", "Spesa del FLUSSO dimezzata rispetto ai semestri di riferimento"),
                        new LoadStatus.Anomaly("CSI_RIGHE_CONSEGNA", "CSI", ALTO_MILANESE, "AMBITO", ALTO_MILANESE, "CSI_AMB-ALTO-MILANESE_20261115T020000",
                                "righe della consegna", 12.0, 80.0, 400.0, "GRAVE", "Consegna CSI con un decimo delle righe abituali"),
                        new LoadStatus.Anomaly("AFAM_UNITA", "AFAM", null, "ATS", INSUBRIA, "2026-06-30", "posti", 1500.0, 2400.0, 4500.0,
                                "ATTENZIONE", "Posti AFAM in calo rispetto alla fotografia precedente")));
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
        return new PortalServer(PortalServer.Setup.of(config, reports, esiti(root), users, config.portal().auditLog(), clock)).start("127.0.0.1", 0);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
