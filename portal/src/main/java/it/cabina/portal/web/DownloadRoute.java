package it.cabina.portal.web;

import it.cabina.portal.AuditLog;
import it.cabina.portal.ReportFiles;
import it.cabina.portal.ReportIndex;
import it.cabina.warehouse.published.ReportEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A report file, served only when index.json lists exactly this path, the viewer's scopes cover its territory,
 * and the path stays inside the reports folder.
 */
final class DownloadRoute {
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "pdf", "application/pdf",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportIndex index;
    private final ReportFiles files;
    private final AuditLog audit;

    static String url(ReportEntry e) {
        return "/reports/" + e.path();
    }

    DownloadRoute(ReportIndex index, ReportFiles files, AuditLog audit) {
        this.index = index;
        this.files = files;
        this.audit = audit;
    }

    void serve(Exchange ctx, Viewer viewer, String path) throws IOException {
        String who = viewer.user().username();
        if (!ReportFiles.isPlainRelativePath(path)) {
            audit.record("DOWNLOAD_REFUSED", who, ctx.ip(), path, 400);
            throw Refusal.badPath();
        }
        ReportEntry entry = index.byPath(path).orElse(null);
        if (entry == null) {
            audit.record("DOWNLOAD_REFUSED", who, ctx.ip(), path, 404);
            throw Refusal.notFound();
        }
        if (!viewer.sees(entry)) {
            audit.record("DOWNLOAD_REFUSED", who, ctx.ip(), path, 403);
            throw Refusal.forbidden();
        }
        Path file = files.resolve(entry.path()).orElse(null);
        if (file == null) {
            audit.record("DOWNLOAD_REFUSED", who, ctx.ip(), path, 404);
            throw new Refusal(404, "Report non disponibile", "Il file di questo report non è disponibile: riprova dopo la prossima elaborazione.");
        }
        String name = ReportListPage.download(entry).fileName();
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        audit.record("DOWNLOAD", who, ctx.ip(), path, 200);
        ctx.file(file, CONTENT_TYPES.getOrDefault(entry.format(), "application/octet-stream"));
    }
}
