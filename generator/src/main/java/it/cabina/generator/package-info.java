/**
 * Synthetic deliveries for the landing area, following {@code shared/spec/extracts.md}. A module of its own, outside
 * the pipeline's jar: {@code cabina generate} and {@code cabina demo} use it, and the etl tests that load a generated
 * landing area (test scope).
 *
 * <p>Entry point: {@link it.cabina.generator.DeliveryGenerator#generate} with {@link
 * it.cabina.generator.GeneratorOptions} (size preset {@link it.cabina.generator.Scale}); it returns a
 * {@link it.cabina.generator.GenerationSummary}, also written to {@code <out>/_generator/summary.json}.
 *
 * <p>How the pieces fit:
 * <ul>
 *   <li>{@code Landing}, {@code DeliveryWriter}, {@code DataFileWriter}, {@code ZipPacker}: delivery folders,
 *       streamed files in each source's format (see {@code Source}, {@code Layout}), manifests, zips;</li>
 *   <li>{@code PersonFactory}: persons with valid, unique tax codes;</li>
 *   <li>{@code Migration}: when each Ambito moves from contract 1.1 to 1.2 ({@code SpecVersion}), and the re-sends
 *       of that move;</li>
 *   <li>{@code AmbitoGenerator}: one Ambito, in order: {@code CareJourneys} and {@code CaseRecords} (persons,
 *       cases, assessments, projects, discharges), {@code ActivityPlanner}, the backlog collapsed, the re-sends of
 *       the move to 1.2, {@code VersionScenarios} (stale re-sends, ties, withdrawals), {@code Milestones}, all onto a
 *       {@code CsiTimeline}, written by {@code CsiWriter}; then the FLUSSO services ({@code FlussoPlan}, priced by
 *       {@code Tariff}) written per semester by {@code FlussoWriter} on the {@code FlussoSchedule};</li>
 *   <li>{@code AfamRegistry}, {@code AfamWriter}: the regional registry and its snapshots;</li>
 *   <li>{@code DefectInjector} with the {@code Mutations} catalogue: defective rows, one broken rule each, and the
 *       deliveries written to be rejected whole ({@code DeliveryDefect}).</li>
 * </ul>
 */
package it.cabina.generator;
