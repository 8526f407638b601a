package it.cabina.etl.sources.afam;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.context.SourceExtension;
import org.apache.spark.sql.Row;

import java.util.List;

/**
 * AFAM, the regional registry: its rows name their comune and Ambito in words, so the gold models call
 * {@code afam_comune}, {@code afam_ambito} and {@code afam_key} ({@link AfamResolver}); after the gold build the run says
 * which Ambiti only AFAM names (registered from its names) and which units have a comune not found in the ISTAT list.
 */
public final class AfamExtension implements SourceExtension {
    @Override
    public String source() {
        return "AFAM";
    }

    @Override
    public void beforeGold(CabinaContext ctx) {
        AfamResolver.of(ctx.config(), ctx.territory()).registerFunctions(ctx.spark());
    }

    @Override
    public void afterGold(CabinaContext ctx, Progress progress) {
        List<Row> registered = ctx.spark().sql("select codice_ambito, denominazione, codice_asst, codice_ats from dim_ambito "
                + "where origine = 'AFAM' and corrente order by codice_ambito").collectAsList();
        if (!registered.isEmpty()) {
            progress.accept("  AFAM: " + registered.size() + " Ambiti non presenti nel riferimento, registrati dal nome AFAM: "
                    + String.join(", ", registered.stream().map(r -> r.getString(0) + " (ASST " + r.getString(2) + ")").toList()));
        }
        List<Row> unplaced = ctx.spark().sql("select codice_unita, comune_afam, provincia from dim_unit "
                + "where corrente and codice_istat is null order by codice_unita").collectAsList();
        if (!unplaced.isEmpty()) {
            progress.accept("  ATTENZIONE AFAM: " + unplaced.size() + " unità con comune non trovato nell'elenco ISTAT: "
                    + String.join(", ", unplaced.stream().limit(20).map(r -> r.getString(0) + " " + r.getString(1) + " (" + r.getString(2) + ")").toList()));
        }
    }
}
