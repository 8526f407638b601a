package it.cabina.reports.cruscotto;

import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorProtection;
import it.cabina.etl.indicators.YearRule;
import it.cabina.warehouse.published.SmallCells;
import it.cabina.reports.data.Rows;
import it.cabina.reports.render.ItalianFormat;

import java.util.Map;
import java.util.Set;

/**
 * One indicator's value for a territory and year as published: the cell value and pattern, the texts shown
 * instead of hidden or missing numbers, the target and status, and the note that explains a missing value.
 */
public record IndicatorCell(Double num, String numText, Double den, String denText, Double value, String valueText,
                     String pattern, Double chartValue, String target, Double chartTarget, String status, String statusLabel,
                     String note) {

    public static final String MISSING = "—";

    /** @param notBegun the year comes after the run date's year: it has no value yet (and no row in the warehouse) */
    static IndicatorCell of(IndicatorCatalog.Indicator ind, int year, Map<String, Object> row, boolean notBegun, SmallCells cells,
                            Set<String> personViews) {
        boolean percent = ind.tipo() == IndicatorCatalog.Kind.PERCENTUALE;
        int decimals = ind.tipo() == IndicatorCatalog.Kind.CONTEGGIO ? 0 : ind.decimali() == null ? 1 : ind.decimali();
        String pattern = ItalianFormat.pattern(decimals, percent);
        YearRule rule = ind.rule(year);
        String target = targetText(rule, percent);
        if (ind.scadenza() != null && rule.threshold() != null) target += " entro il " + ItalianFormat.date(ind.scadenza().data());
        Double chartTarget = rule.threshold();
        if (!ind.hasCell(year)) {
            return new IndicatorCell(null, MISSING, null, MISSING, null, MISSING, pattern, null, null, null, null,
                    "Non previsto", "Obiettivo con scadenza al " + ItalianFormat.date(ind.scadenza().data()) + ": calcolato solo per il "
                    + ind.scadenza().year() + ".");
        }
        if (row == null && notBegun) {
            return new IndicatorCell(null, MISSING, null, MISSING, null, MISSING, pattern, null, target, chartTarget,
                    null, "Non iniziato", null);
        }
        if (row == null) {
            return new IndicatorCell(null, MISSING, null, MISSING, null, MISSING, pattern, null, target, chartTarget,
                    "NON_CALCOLABILE", statusLabel("NON_CALCOLABILE"), "Non calcolabile: nessun dato per il territorio e l'anno.");
        }
        Double num = Rows.number(row, "numeratore");
        Double den = Rows.number(row, "denominatore");
        Double value = Rows.number(row, "valore");
        String status = Rows.text(row, "stato");
        String note = switch (String.valueOf(status)) {
            case "NON_CALCOLABILE" -> "Non calcolabile: " + Rows.text(row, "motivo") + ".";
            case "IN_CORSO" -> ind.scadenza() != null
                    ? "Scadenza non ancora passata (" + ItalianFormat.date(ind.scadenza().data()) + "): valore provvisorio alla data di riferimento, non giudicato rispetto all'obiettivo."
                    : "Anno in corso: valore provvisorio alla data di riferimento, non giudicato rispetto all'obiettivo.";
            default -> null;
        };

        IndicatorProtection p = IndicatorProtection.of(ind, num, den, cells, personViews);
        String numText = text(p.numerator(), cells);
        String denText = text(p.denominator(), cells);
        String valueText = value == null ? MISSING : null;
        Double shown = value == null ? null : percent ? value / 100.0 : value;
        if (p.value() != SmallCells.Cell.SHOWN) {
            shown = null;
            valueText = text(p.value(), cells);
        }
        if (p.value() == SmallCells.Cell.WITHHELD) {
            note = "Valore non pubblicato: il denominatore conta meno di " + cells.threshold() + " persone (tutela dei piccoli numeri).";
        }
        if (ind.nota() != null) note = note == null ? ind.nota() : note + " " + ind.nota();
        if (num == null && numText == null) numText = MISSING;
        if (den == null && denText == null) denText = ind.denominatore() == null ? "" : MISSING;
        Double chartValue = shown == null ? null : value;
        return new IndicatorCell(num, numText, den, denText, shown, valueText, pattern, chartValue, target, chartTarget, status,
                statusLabel(status), note);
    }

    /** The text shown instead of a protected figure, or null when it is shown. */
    private static String text(SmallCells.Cell cell, SmallCells cells) {
        return switch (cell) {
            case SHOWN -> null;
            case SMALL_COUNT -> cells.hiddenText();
            case WITHHELD -> MISSING;
        };
    }

    static String targetText(YearRule rule, boolean percent) {
        String label = rule.label();
        return rule.threshold() != null && percent ? label + "%" : label;
    }

    public static String statusLabel(String status) {
        return switch (status) {
            case "RAGGIUNTO" -> "Raggiunto";
            case "NON_RAGGIUNTO" -> "Non raggiunto";
            case "BASELINE" -> "Anno base";
            case "MONITORAGGIO" -> "Monitoraggio";
            case "IN_CORSO" -> "In corso";
            default -> "Non calcolabile";
        };
    }

    public String valueDisplay() {
        return value != null ? ItalianFormat.format(value, pattern) : valueText;
    }

    public String numDisplay() {
        return numText != null ? numText : ItalianFormat.format(num, "#,##0.##");
    }

    public String denDisplay() {
        return denText != null ? denText : ItalianFormat.format(den, "#,##0.##");
    }
}
