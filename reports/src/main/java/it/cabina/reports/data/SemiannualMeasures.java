package it.cabina.reports.data;

import it.cabina.warehouse.published.ReportSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The measures of the Restituzione semestrale as one long table (semester, level, territory, section, measure,
 * value), written as a union of selections over the gold aggregates named in conf/reports.yaml.
 */
public final class SemiannualMeasures {
    private SemiannualMeasures() {}

    public static String sql(ReportSettings.Semestrale conf) {
        List<String> parts = new ArrayList<>();
        int s = 0;
        for (ReportSettings.Section section : conf.sezioni()) {
            s++;
            int m = 0;
            for (ReportSettings.Measure measure : section.misure()) {
                m++;
                String base = measure.base() == null ? "null" : "cast(" + measure.base() + " as double)";
                parts.add("select codice_semestre, livello, territorio, " + s + " as ordine_sezione, " + quote(section.titolo())
                        + " as sezione, " + m + " as ordine_misura, " + quote(measure.etichetta()) + " as misura, "
                        + quote(measure.tipo()) + " as tipo, " + measure.grafico() + " as grafico, cast(" + measure.colonna()
                        + " as double) as valore, " + base + " as base from " + section.tabella() + where(section.filtro()));
            }
            ReportSettings.Detail d = section.dettaglio();
            if (d != null) {
                String tipo = section.misure().stream().filter(x -> x.colonna().equals(d.misura())).findFirst()
                        .map(ReportSettings.Measure::tipo).orElse("conteggio");
                parts.add("select t.codice_semestre, t.livello, t.territorio, " + s + ", " + quote(section.titolo()) + ", 100, "
                        + "concat(" + quote(d.etichetta() + ": ") + ", coalesce(c.descrizione, t." + d.colonna() + ")), "
                        + quote(tipo) + ", false, cast(t." + d.misura() + " as double), null from " + section.tabella() + " t "
                        + "left join dim_code c on c.lista = " + quote(d.lista()) + " and c.codice = t." + d.colonna()
                        + " where t." + d.colonna() + " <> 'TOTALE'" + (d.filtro() == null ? "" : " and (" + d.filtro() + ")"));
            }
        }
        return String.join("\nunion all\n", parts);
    }

    private static String where(String filter) {
        return filter == null ? "" : " where " + filter;
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
