package it.cabina.generator;

import it.cabina.warehouse.quality.RuleCode;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation wrote: every delivery with its contract version, files, rows and injected defects (rule, field,
 * line), the deliveries written to be rejected whole, the FLUSSO semesters left missing or re-sent, and the versioning
 * scenarios (corrections, stale re-sends, ties, withdrawals). The same content is written to
 * {@code <out>/_generator/summary.json}.
 *
 * <p>How it reconciles with a load: the deliveries that {@link DeliverySummary#loads() load} are read whole, their
 * rows ({@link #rowsToLoad()}) are loaded or set aside, and exactly their {@link #defects()} are set aside; the
 * {@link #rejected()} ones are rejected before any row is read, for their {@link DeliveryDefect}.
 */
public record GenerationSummary(long seed, Scale scale, LocalDate from, LocalDate to, double defectShare,
                                List<DeliverySummary> deliveries, List<SemesterRef> missingFlusso,
                                List<SemesterRef> resentFlusso, List<Scenario> scenarios) {

    /**
     * One delivery.
     *
     * @param name        folder name {@code <SOURCE>_<SENDER>_<yyyyMMdd'T'HHmmss>}
     * @param path        path relative to the landing folder: the folder, or {@code name + ".zip"}
     * @param extractedAt the manifest's {@code extracted_at}
     * @param periodFrom  the manifest's period (null when the manifest has none)
     * @param spec        the manifest's {@code spec_version}
     * @param rejectedFor why the warehouse must reject the whole delivery; null for a delivery that loads
     */
    public record DeliverySummary(String name, String path, boolean zipped, Source source, String sender,
                                  String deliveryId, String extractedAt, String mode, LocalDate periodFrom,
                                  LocalDate periodTo, SpecVersion spec, DeliveryDefect rejectedFor,
                                  List<FileSummary> files) {
        /** Whether the warehouse loads it (its rows are then loaded or set aside one by one). */
        public boolean loads() {
            return rejectedFor == null;
        }

        public FileSummary file(String fileName) {
            return files.stream().filter(f -> f.name().equals(fileName)).findFirst().orElse(null);
        }

        public int rows() {
            return files.stream().mapToInt(FileSummary::rows).sum();
        }
    }

    /**
     * One data file.
     *
     * @param rows       data rows written (header excluded), defective rows included: the manifest's {@code records}
     * @param sha256     lowercase hex SHA-256 of the file's bytes, as in the manifest
     * @param defects    every defective row written, in line order
     * @param warnings   counts of rows the warehouse should load and report: {@code UNKNOWN_UDO} (a FLUSSO
     *                   {@code codice_udo} missing from AFAM), {@code AMBITO_NOT_IN_REFERENCE} and
     *                   {@code TYPE_NOT_IN_CODELIST} (AFAM units)
     */
    public record FileSummary(String name, int rows, String sha256, List<DefectRow> defects,
                              Map<String, Integer> warnings) {
        public Map<RuleCode, Integer> defectsByRule() {
            Map<RuleCode, Integer> m = new EnumMap<>(RuleCode.class);
            defects.forEach(d -> m.merge(d.rule(), 1, Integer::sum));
            return m;
        }
    }

    /**
     * One defective row: it breaks exactly this rule and nothing else.
     *
     * @param line  1-based line of the file (the header is line 1)
     * @param field the field that breaks the rule (null for {@link RuleCode#COLUMNS})
     * @param key   the row's record id (FLUSSO: the tax code as written; may itself be the defect)
     */
    public record DefectRow(int line, RuleCode rule, String field, String key) {}

    /** An Ambito-semester of FLUSSO. */
    public record SemesterRef(String sender, LocalDate from, LocalDate to) {}

    /**
     * A versioning case the warehouse must resolve: CORRECTION (a later version with later {@code aggiornato_il}),
     * STALE_RESEND (a later delivery carrying an older version), TIE (same {@code aggiornato_il} twice: the later
     * delivery, then the later line wins), WITHDRAWAL ({@code stato_record}=ANNULLATO). CORRECTION lists the
     * explicit corrections (a residence moved, a need level corrected); cases closed, projects made integrated,
     * activities held and discharges completed are further versions of the same kind, not listed.
     *
     * @param deliveryId   the delivery carrying the scenario's row
     * @param aggiornatoIl the {@code aggiornato_il} of that row
     * @param expected     what the current version must be after loading, in words
     */
    public record Scenario(String kind, String sender, String file, String id, String deliveryId,
                           String aggiornatoIl, String expected) {}

    public List<DeliverySummary> deliveries(Source source) {
        return deliveries.stream().filter(d -> d.source() == source).toList();
    }

    /** Data rows written for a source, defective rows and rows of rejected deliveries included. */
    public long rows(Source source) {
        return deliveries(source).stream().mapToLong(DeliverySummary::rows).sum();
    }

    /** Data rows of the deliveries that load: what a load receives, then loads or sets aside. */
    public long rowsToLoad() {
        return deliveries.stream().filter(DeliverySummary::loads).mapToLong(DeliverySummary::rows).sum();
    }

    /** The deliveries written to be rejected whole. */
    public List<DeliverySummary> rejected() {
        return deliveries.stream().filter(d -> !d.loads()).toList();
    }

    /** Deliveries written to be rejected, by defect. */
    public Map<DeliveryDefect, Integer> rejectedByDefect() {
        Map<DeliveryDefect, Integer> m = new EnumMap<>(DeliveryDefect.class);
        rejected().forEach(d -> m.merge(d.rejectedFor(), 1, Integer::sum));
        return m;
    }

    /** Deliveries of a source by contract version, in version order. */
    public Map<SpecVersion, Integer> deliveriesBySpec(Source source) {
        Map<SpecVersion, Integer> m = new EnumMap<>(SpecVersion.class);
        deliveries(source).forEach(d -> m.merge(d.spec(), 1, Integer::sum));
        return m;
    }

    /** Defective rows by rule (rows of the deliveries that load: a rejected delivery has none). */
    public Map<RuleCode, Integer> defectsByRule() {
        Map<RuleCode, Integer> m = new EnumMap<>(RuleCode.class);
        deliveries.forEach(d -> d.files().forEach(f -> f.defectsByRule().forEach((r, n) -> m.merge(r, n, Integer::sum))));
        return m;
    }

    public int defects() {
        return deliveries.stream().flatMap(d -> d.files().stream()).mapToInt(f -> f.defects().size()).sum();
    }

    /** Scenario counts by kind, in name order. */
    public Map<String, Integer> scenarioCounts() {
        Map<String, Integer> m = new TreeMap<>();
        scenarios.forEach(s -> m.merge(s.kind(), 1, Integer::sum));
        return m;
    }
}
