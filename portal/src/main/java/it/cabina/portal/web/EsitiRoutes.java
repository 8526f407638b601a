package it.cabina.portal.web;

import it.cabina.portal.AuditLog;
import it.cabina.portal.EsitiFiles;
import it.cabina.portal.Level;
import it.cabina.portal.ReportFiles;
import it.cabina.portal.TerritoryAccess;
import it.cabina.warehouse.published.DeliveryEsito;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * "Esiti delle consegne": the esiti of the deliveries of the user's Ambiti, newest first, each with its download, and the
 * download itself. A sender that is an Ambito is shown to the users whose scope covers it; another sender (the Region,
 * which sends AFAM) to the users of the whole Region. Downloads and refusals are in the audit log.
 */
final class EsitiRoutes {
    static final String PAGE = "/esiti", PREFIX = "/esiti/";
    static final int MAX_ROWS = 300;

    private final EsitiFiles esiti;
    private final TerritoryAccess access;
    private final AuditLog audit;
    private final boolean folderMissing;

    EsitiRoutes(Path root, TerritoryAccess access, AuditLog audit) {
        this.esiti = new EsitiFiles(root);
        this.access = access;
        this.audit = audit;
        this.folderMissing = root == null || !java.nio.file.Files.isDirectory(root);
    }

    static String url(String relative) {
        return PREFIX + relative;
    }

    /** Whether the user may see the esiti of a sender. */
    private boolean sees(Viewer viewer, String sender) {
        return access.exists(Level.AMBITO, sender) ? viewer.sees(Level.AMBITO, sender) : viewer.seesAmbito(null);
    }

    Views.EsitiPage list(Viewer viewer) {
        List<EsitiFiles.Entry> all = esiti.list(sender -> sees(viewer, sender));
        List<Views.EsitoRow> rows = all.stream().limit(MAX_ROWS).map(this::row).toList();
        return new Views.EsitiPage(viewer.page("Esiti delle consegne"), rows, all.size(), all.size() > rows.size(), folderMissing);
    }

    private Views.EsitoRow row(EsitiFiles.Entry e) {
        DeliveryEsito d = e.esito();
        long received = 0, loaded = 0, setAside = 0, warnings = 0;
        for (DeliveryEsito.FileCounts f : d.files()) {
            received += n(f.received());
            loaded += n(f.loaded());
            setAside += n(f.setAside());
            warnings += n(f.warnings());
        }
        String status = String.valueOf(d.status());
        String css = switch (status) {
            case "LOADED" -> setAside > 0 ? "status-monitoraggio" : "status-raggiunto";
            case "REJECTED" -> "status-non-raggiunto";
            default -> "status-non-calcolabile";
        };
        String name = access.exists(Level.AMBITO, e.sender()) ? access.name(Level.AMBITO, e.sender()) : e.sender();
        return new Views.EsitoRow(name, e.sender(), d.delivery(), d.source(), d.statusText() != null ? d.statusText() : status, css,
                Texts.dateTime(d.processedAt()), received, loaded, setAside, warnings, d.reasons(),
                new Views.Download(url(e.jsonPath()), "Esito (JSON)", fileName(e.jsonPath())),
                e.setAsidePath() == null ? null : new Views.Download(url(e.setAsidePath()), "Righe scartate (CSV)", fileName(e.setAsidePath())));
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }

    private static String fileName(String relative) {
        return relative.substring(relative.indexOf('/') + 1);
    }

    void download(Exchange x, Viewer viewer, String relative) throws IOException {
        String who = viewer.user().username();
        if (!ReportFiles.isPlainRelativePath(relative)) {
            audit.record("ESITO_REFUSED", who, x.ip(), "esiti/" + relative, 400);
            throw Refusal.badPath();
        }
        String sender = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
        if (!sees(viewer, sender)) {
            audit.record("ESITO_REFUSED", who, x.ip(), "esiti/" + relative, 403);
            throw Refusal.forbidden();
        }
        Path file = esiti.resolve(relative).orElse(null);
        if (file == null) {
            audit.record("ESITO_REFUSED", who, x.ip(), "esiti/" + relative, 404);
            throw Refusal.notFound();
        }
        x.header("Content-Disposition", "attachment; filename=\"" + fileName(relative) + "\"");
        audit.record("ESITO", who, x.ip(), "esiti/" + relative, 200);
        x.file(file, relative.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/json");
    }
}
