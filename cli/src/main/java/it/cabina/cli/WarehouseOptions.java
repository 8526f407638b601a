package it.cabina.cli;

import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Option;

/** Options shared by the commands that work on the data paths; they override conf/cabina.yaml. */
public final class WarehouseOptions {
    @Option(names = "--landing", paramLabel = "DIR", description = "Cartella delle consegne (default: paths.landing di conf/cabina.yaml).")
    String landing;

    @Option(names = "--warehouse", paramLabel = "DIR", description = "Cartella del warehouse Delta (default: paths.warehouse).")
    String warehouse;

    @Option(names = "--reports", paramLabel = "DIR", description = "Cartella dei report (default: paths.reports).")
    String reports;

    @Option(names = "--export", paramLabel = "DIR", description = "Cartella delle esportazioni per gli analisti: DIR/riservato e DIR/aperto (default: paths.export_riservato, paths.export_aperto).")
    String export;

    @Option(names = "--esiti", paramLabel = "DIR", description = "Cartella degli esiti delle consegne per i mittenti (default: paths.esiti).")
    String esiti;

    CabinaConfig config() {
        CabinaConfig config = CabinaConfig.load().withPaths(landing, warehouse, reports, export);
        return esiti == null ? config : config.withEsiti(esiti);
    }
}
