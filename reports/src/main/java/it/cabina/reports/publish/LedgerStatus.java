package it.cabina.reports.publish;

import it.cabina.reports.data.ReportData;
import it.cabina.reports.data.Rows;
import it.cabina.warehouse.published.LoadStatus;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/** The load status the portal shows ({@code data/stato.json}), from the ledger rows the reports read. */
final class LedgerStatus {
    private LedgerStatus() {}

    static LoadStatus of(ReportData data, String generatedAt) {
        Map<String, Object> last = data.table("ultimo_caricamento").stream().findFirst().orElse(Map.of());
        LoadStatus.Run run = null;
        if (last.get("run_id") != null) {
            Number rejected = (Number) last.get("rejected");
            run = new LoadStatus.Run(Rows.text(last, "run_id"), iso(last.get("finito_il")), String.valueOf(last.get("as_of")),
                    rejected != null && rejected.longValue() > 0 ? "PARTIAL" : "SUCCESS");
        }
        List<LoadStatus.MissingDelivery> missing = data.table("consegne_mancanti").stream()
                .map(r -> new LoadStatus.MissingDelivery(Rows.text(r, "fonte"), Rows.text(r, "mittente"), Rows.text(r, "codice_ambito"),
                        Rows.text(r, "codice_semestre"), String.valueOf(r.get("scadenza")),
                        Rows.number(r, "giorni_ritardo") == null ? 0 : Rows.number(r, "giorni_ritardo").intValue()))
                .toList();
        List<LoadStatus.Correction> corrections = data.table("consegne_rettificate").stream()
                .map(r -> new LoadStatus.Correction(Rows.text(r, "fonte"), Rows.text(r, "codice_ambito"), Rows.text(r, "codice_semestre"),
                        String.valueOf(r.get("prima_consegna")), (Boolean) r.get("prima_puntuale"),
                        String.valueOf(r.get("ultima_rettifica")), ((Number) r.get("rettifiche")).intValue()))
                .toList();
        List<LoadStatus.Anomaly> anomalies = data.table("anomalie").stream()
                .map(r -> new LoadStatus.Anomaly(Rows.text(r, "check"), Rows.text(r, "source"), Rows.text(r, "sender"), Rows.text(r, "level"),
                        Rows.text(r, "territory"), Rows.text(r, "period"), Rows.text(r, "measure"), Rows.number(r, "observed"),
                        Rows.number(r, "expected_low"), Rows.number(r, "expected_high"), Rows.text(r, "severity"), Rows.text(r, "description")))
                .toList();
        return new LoadStatus(generatedAt, data.runId(), data.asOf().toString(), iso(last.get("ultimo_caricamento")), run,
                missing, corrections, anomalies);
    }

    private static String iso(Object t) {
        return t instanceof Timestamp ts ? ts.toInstant().toString() : null;
    }
}
