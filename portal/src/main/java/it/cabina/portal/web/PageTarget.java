package it.cabina.portal.web;

import it.cabina.portal.Level;
import it.cabina.portal.ReportIndex;
import it.cabina.warehouse.published.ReportEntry;
import it.cabina.warehouse.published.ReportKind;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The territory and year a page is about, from the end of its address ({@code <year>/<LEVEL>/<code>}), checked before
 * anything is read: anything else is not found.
 */
record PageTarget(int year, Level level, String code) {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    static PageTarget parse(String rest) {
        String[] parts = rest.split("/", -1);
        if (parts.length != 3) throw Refusal.notFound();
        Level level = Level.parse(parts[1]);
        if (!YEAR.matcher(parts[0]).matches() || level == null || !level.name().equals(parts[1]) || !CODE.matcher(parts[2]).matches()) {
            throw Refusal.notFound();
        }
        return new PageTarget(Integer.parseInt(parts[0]), level, parts[2]);
    }

    /** The page of a kind of report for a territory and year: {@code /<slug>/<year>/<LEVEL>/<code>}. */
    static String url(ReportKind kind, int year, Level level, String code) {
        return "/" + kind.slug() + "/" + year + "/" + level + "/" + code;
    }

    /** The page of an index entry when it is of this kind (and a yearly one), else null. */
    static String url(ReportKind kind, ReportEntry e) {
        Level level = Level.parse(e.level());
        if (!kind.slug().equals(e.report()) || !kind.period().matches(e.period()) || level == null) return null;
        return url(kind, Integer.parseInt(e.period()), level, e.territory());
    }

    /** As written in the audit log. */
    String target(String slug) {
        return slug + "/" + year + "/" + level + "/" + code;
    }

    /** The files of a report of this territory and year, PDF before XLSX. */
    List<Views.Download> downloads(ReportIndex index, String slug) {
        return index.entries().stream()
                .filter(e -> slug.equals(e.report()) && String.valueOf(year).equals(e.period()) && level.name().equals(e.level())
                        && code.equals(e.territory()))
                .sorted(Comparator.comparing(ReportEntry::format, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(ReportListPage::download).toList();
    }
}
