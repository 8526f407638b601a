package it.cabina.portal.web;

import it.cabina.warehouse.published.ReportKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Italian wording shared by the pages: report names (from the registry), dates and times (Europe/Rome). */
public final class Texts {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d/M/yyyy 'alle' HH:mm", Locale.ITALY);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/yyyy", Locale.ITALY);
    private static final Map<String, String> FORMATS = Map.of("pdf", "PDF", "xlsx", "Excel");

    private Texts() {}

    /** The registered title; for a kind this portal does not know yet, the title index.json gives, else the slug. */
    public static String reportName(String report, String title) {
        return ReportKind.find(report).map(ReportKind::title).orElse(title != null && !title.isBlank() ? title : report);
    }

    public static String format(String format) {
        return format == null ? "" : FORMATS.getOrDefault(format, format.toUpperCase(Locale.ROOT));
    }

    /** "23/11/2026 alle 03:14" for an ISO instant; the text itself when it is not one. */
    public static String dateTime(String iso) {
        if (iso == null || iso.isBlank()) return "—";
        try {
            return DATE_TIME.format(Instant.parse(iso).atZone(ROME));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    public static String date(String iso) {
        if (iso == null || iso.isBlank() || iso.equals("null")) return "—";
        try {
            return DATE.format(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** "2026-S1" → "1° semestre 2026"; a year stays as it is. */
    public static String period(String period) {
        if (period != null && period.matches("\\d{4}-S[12]")) {
            return period.charAt(6) + "° semestre " + period.substring(0, 4);
        }
        return period == null ? "" : period;
    }
}
