package it.cabina.etl.landing;

import it.cabina.etl.rules.SourceRules;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Discovers, stages and validates the deliveries of the landing area, and decides against the ledger which
 * ones to load: a delivery_id already loaded with the same content is a duplicate (skipped, reported);
 * with other content it is rejected; a delivery that fails validation is rejected whole.
 */
public final class LandingIntake {
    private final LandingFiles files;
    private final ManifestValidator validator;
    private final Consumer<String> progress;

    public LandingIntake(LandingFiles files, Map<String, SourceRules> rules, BiPredicate<String, String> knownSender,
                         Consumer<String> progress) {
        this.files = files;
        this.validator = new ManifestValidator(files, rules, d -> knownSender.test(d.source(), d.sender()));
        this.progress = progress;
    }

    /**
     * @param asOf deliveries dropped after this day wait for a later run (null: all)
     */
    public Intake intake(Path landing, Ledger.Known known, String runId, Instant now, LocalDate asOf) throws IOException {
        LandingFiles.Discovery found = files.discover(landing);
        List<CheckedDelivery> accepted = new ArrayList<>();
        List<LedgerEntry> decided = new ArrayList<>();
        List<Intake.Move> moves = new ArrayList<>();
        List<Delivery> deferred = new ArrayList<>();
        Map<String, String> acceptedNow = new HashMap<>();
        for (String n : found.ignored()) progress.accept("ATTENZIONE: '" + n + "' nel landing non è una consegna (" + "<FONTE>_<MITTENTE>_<aaaaMMgg'T'HHmmss>): ignorata");
        for (Delivery d : found.deliveries()) {
            if (asOf != null && d.droppedAt().toLocalDate().isAfter(asOf)) {
                deferred.add(d);
                continue;
            }
            if (LedgerEntry.Status.REJECTED.name().equals(known.processed(d.name(), null))) {
                // rejected by a run that stopped before moving it aside
                moves.add(new Intake.Move(d, LandingFiles.REJECTED));
                continue;
            }
            Path folder;
            try {
                folder = files.stage(landing, d);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                // a damaged zip is the sender's problem, not the night's: reject it and go on (other I/O errors stop the run)
                List<String> reason = List.of("archivio zip illeggibile o troncato: " + e.getMessage());
                files.unstage(landing, d);
                decided.add(entry(runId, now, d, null, null, LedgerEntry.Status.REJECTED, reason, List.of(), null));
                moves.add(new Intake.Move(d, LandingFiles.REJECTED));
                progress.accept("RESPINTA " + d + ": " + reason.get(0));
                continue;
            }
            ManifestValidator.Result r = validator.validate(d, folder);
            if (!r.ok()) {
                Manifest m = r.manifest();
                decided.add(entry(runId, now, d, m, null, LedgerEntry.Status.REJECTED, r.problems(), List.of(), null));
                moves.add(new Intake.Move(d, LandingFiles.REJECTED));
                progress.accept("RESPINTA " + d + ": " + String.join("; ", r.problems()));
                continue;
            }
            CheckedDelivery c = r.accepted();
            String already = known.processed(d.name(), c.fingerprint());
            if (already != null) {
                // recorded by a run that stopped before moving it aside: just finish the move
                moves.add(new Intake.Move(d, already.equals(LedgerEntry.Status.REJECTED.name()) ? LandingFiles.REJECTED : LandingFiles.ARCHIVE));
                continue;
            }
            String key = Ledger.idKey(d.source(), d.sender(), c.deliveryId());
            String loadedFp = known.loadedFingerprint(d.source(), d.sender(), c.deliveryId());
            if (loadedFp == null) loadedFp = acceptedNow.get(key);
            if (loadedFp != null) {
                boolean same = loadedFp.equals(c.fingerprint());
                List<String> reason = List.of(same
                        ? "delivery_id " + c.deliveryId() + " già caricata con lo stesso contenuto: saltata"
                        : "delivery_id " + c.deliveryId() + " già caricata con un contenuto diverso (checksum differenti)");
                decided.add(entry(runId, now, d, c.manifest(), c, same ? LedgerEntry.Status.DUPLICATE : LedgerEntry.Status.REJECTED,
                        reason, c.warnings(), c.fingerprint()));
                moves.add(new Intake.Move(d, same ? LandingFiles.ARCHIVE : LandingFiles.REJECTED));
                progress.accept((same ? "DUPLICATA " : "RESPINTA ") + d + ": " + reason.get(0));
                continue;
            }
            acceptedNow.put(key, c.fingerprint());
            accepted.add(c);
            moves.add(new Intake.Move(d, LandingFiles.ARCHIVE));
            for (String w : c.warnings()) progress.accept("ATTENZIONE " + d + ": " + w);
        }
        return new Intake(accepted, decided, moves, found.ignored(), deferred);
    }

    public static LedgerEntry entry(String runId, Instant now, Delivery d, Manifest m, CheckedDelivery c, LedgerEntry.Status status,
                                    List<String> reasons, List<String> warnings, String fingerprint) {
        return new LedgerEntry(runId, now, d.name(), m == null ? null : m.deliveryId(), d.source(), d.sender(),
                m == null ? null : m.mode(), c == null ? (m == null ? null : ManifestValidator.parseInstant(m.extractedAt())) : c.extractedAt(),
                c == null ? null : c.periodFrom(), c == null ? null : c.periodTo(), status, reasons, warnings, fingerprint,
                c == null ? List.of() : c.files().stream()
                        .map(f -> new LedgerEntry.FileCounts(f.name(), f.sha256(), f.records(), 0, 0, 0, 0)).toList());
    }

    /** Moves the processed entries aside and removes staging copies; run only after the ledger commit. */
    public void archive(Path landing, Intake intake) throws IOException {
        for (Intake.Move m : intake.moves()) {
            files.unstage(landing, m.delivery());
            files.moveAside(landing, m.delivery(), m.folder());
        }
    }
}
