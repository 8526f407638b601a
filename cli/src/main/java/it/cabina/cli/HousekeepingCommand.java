package it.cabina.cli;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.context.Progress;
import it.cabina.etl.ops.Housekeeping;
import it.cabina.etl.pipeline.NightlyResult;
import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "housekeeping", mixinStandardHelpOptions = true,
        description = {"Manutenzione su richiesta (il nightly la fa alla fine se operations.housekeeping.in_nightly):",
                "compatta le tabelle frammentate, VACUUM con la finestra di audit (operations.housekeeping.audit_days),",
                "elimina le consegne archiviate e respinte oltre la loro conservazione (il registro ne tiene le impronte).",
                "Prende lo stesso lucchetto del nightly: codice 4, senza fare nulla, se sullo stesso warehouse è in corso",
                "un nightly, un export, un report --all o un'altra manutenzione."})
public final class HousekeepingCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions paths;

    @Mixin
    LogOptions logs;

    @Override
    public Integer call() throws Exception {
        CabinaConfig config = logs.configure(paths::config);
        Progress progress = new Progress();
        CabinaContext ctx = Jobs.open(config);
        return Locked.run(ctx, "housekeeping", progress, () -> {
            Housekeeping.Result r = progress.stage("Manutenzione", () -> new Housekeeping(ctx, progress).run(Instant.now(), true));
            progress.outcome(NightlyResult.OK, String.format("ESITO: OK — %d tabelle compattate, %d con VACUUM, %d consegne eliminate",
                    r.tablesCompacted(), r.tablesVacuumed(), r.deliveriesDeleted().size()));
            return NightlyResult.OK;
        });
    }
}
