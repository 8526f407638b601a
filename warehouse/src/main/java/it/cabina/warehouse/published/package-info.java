/**
 * What the nightly publishes for the report portal, defined once: the report kinds ({@link it.cabina.warehouse.published.ReportKind})
 * and the JSON files of the reports folder ({@code index.json}, {@code data/stato.json}, the dashboards), as records that
 * the reports module writes and the portal reads with {@link it.cabina.warehouse.published.PublishedJson}; and how
 * published figures are protected ({@link it.cabina.warehouse.published.ReportSettings}, conf/reports.yaml, and
 * {@link it.cabina.warehouse.published.SmallCells}), which the reports and the open export of the analysts apply alike.
 *
 * <p>It lives in the warehouse module because both sides reach it: the portal depends on this module with Spark
 * excluded, so nothing here may touch Spark. The types carry data only; how the portal shows them (labels, CSS
 * classes, links) stays in the portal. Their JSON keys are the published contract: existing reports folders must keep
 * reading, so a key is never renamed ({@code PublishedJsonTest} compares them with samples of today's files).
 */
package it.cabina.warehouse.published;
