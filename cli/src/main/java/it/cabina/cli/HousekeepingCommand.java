package it.cabina.cli;

import it.cabina.etl.ops.Housekeeping;
import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.pipeline.NightlyResult;
import it.cabina.etl.context.Progress;
import it.cabina.etl.pipeline.RunLock;
import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

@Command(name = "housekeeping", mixinStandardHelpOptions = true,
        description = {"Manutenzione su richiesta (il nightly la fa alla fine se operations.housekeeping.in_nightly):",
                "compatta le tabelle frammentate, VACUUM con la finestra di audit (operations.housekeeping.audit_days),",
                "elimina le consegne archiviate e respinte oltre la loro conservazione (il registro ne tiene le impronte).",
                "Prende lo stesso lucchetto del nightly: codice 4 se un nightly è in corso."})
public final class HousekeepingCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions paths;

    @Override
    public Integer call() {
        CabinaConfig config = paths.config();
        Progress progress = new Progress(System.out);
        CabinaContext ctx = Jobs.open(config);
        String id = "housekeeping-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneId.of("UTC")).format(Instant.now());
        try (RunLock lock = RunLock.acquire(ctx.spark().sparkContext().hadoopConfiguration(), config.warehouse(), id,
                config.operations(), progress)) {
            Housekeeping.Result r = progress.stage("Manutenzione", () -> new Housekeeping(ctx, progress).run(Instant.now(), true));
            progress.accept(String.format("ESITO: OK — %d tabelle compattate, %d con VACUUM, %d consegne eliminate",
                    r.tablesCompacted(), r.tablesVacuumed(), r.deliveriesDeleted().size()));
            return NightlyResult.OK;
        } catch (RunLock.BusyException e) {
            System.err.println("ERRORE: " + e.getMessage());
            return NightlyResult.BUSY;
        }
    }
}
