package it.cabina.reports;

import it.cabina.warehouse.published.ReportKind;

import java.util.List;

/** Builds one kind of report from the data read for a run. */
public interface ReportBuilder {
    ReportKind kind();

    /** The reports of this kind that have data for the period, one per territory. */
    List<ReportKey> available(String period);

    ReportDocument build(ReportKey key);
}
