package it.cabina.etl.landing;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.rules.SpecVersion;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a staged delivery against extracts.md §1: manifest fields, known sender, mode, FLUSSO period,
 * every listed file present with its SHA-256 and record count, required files and header columns.
 * A delivery with any problem is rejected whole.
 */
public final class ManifestValidator {
    public static final String MANIFEST = "manifest.json";
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private final LandingFiles files;
    private final Map<String, SourceRules> rulesBySource;
    private final Predicate<Delivery> knownSender;

    public ManifestValidator(LandingFiles files, Map<String, SourceRules> rulesBySource, Predicate<Delivery> knownSender) {
        this.files = files;
        this.rulesBySource = rulesBySource;
        this.knownSender = knownSender;
    }

    /** The outcome: a checked delivery, or the list of reasons it is rejected. */
    public record Result(CheckedDelivery accepted, Manifest manifest, List<String> problems) {
        public boolean ok() { return accepted != null; }
    }

    public Result validate(Delivery d, Path folder) throws IOException {
        List<String> problems = new ArrayList<>();
        FileSystem fs = files.fs(folder);
        Path manifestPath = new Path(folder, MANIFEST);
        if (!fs.exists(manifestPath)) return rejected(null, "manifest.json is missing");
        Manifest m;
        try (var in = fs.open(manifestPath)) {
            m = new ObjectMapper().readValue((java.io.InputStream) in, Manifest.class);
        } catch (IOException e) {
            return rejected(null, "manifest.json is not valid JSON: " + firstLine(e.getMessage()));
        }
        SourceRules rules = rulesBySource.get(d.source());
        if (!rules.specVersions().contains(m.specVersion())) {
            problems.add("manifest spec_version is '" + m.specVersion() + "', expected one of " + rules.specVersions());
        }
        if (!d.source().equals(m.source())) problems.add("manifest source '" + m.source() + "' differs from the folder name's '" + d.source() + "'");
        if (!d.sender().equals(m.sender())) problems.add("manifest sender '" + m.sender() + "' differs from the folder name's '" + d.sender() + "'");
        if (!knownSender.test(d)) problems.add("unknown sender '" + d.sender() + "' for source " + d.source());
        if (m.deliveryId() == null || m.deliveryId().isBlank()) problems.add("manifest has no delivery_id");
        if (rules.mode() != null && !rules.mode().equals(m.mode())) problems.add("manifest mode is '" + m.mode() + "', " + d.source() + " deliveries are " + rules.mode());
        Instant extractedAt = parseInstant(m.extractedAt());
        if (extractedAt == null) problems.add("manifest extracted_at '" + m.extractedAt() + "' is not an ISO-8601 timestamp");
        LocalDate from = null, to = null;
        if (m.period() != null) {
            from = parseDate(m.period().from());
            to = parseDate(m.period().to());
            if (from == null || to == null) problems.add("manifest period must have ISO dates 'from' and 'to'");
        }
        if ("semester".equals(rules.periodRequired())) {
            if (from == null || to == null) problems.add("manifest period is required for " + d.source() + " and must be one semester");
            else if (!isSemester(from, to)) problems.add("manifest period " + from + ".." + to + " is not one calendar semester (01-01..06-30 or 07-01..12-31)");
        }
        List<CheckedDelivery.CheckedFile> checked = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (m.files() == null || m.files().isEmpty()) problems.add("manifest lists no files");
        Set<String> listed = new java.util.HashSet<>();
        for (Manifest.FileEntry f : m.files() == null ? List.<Manifest.FileEntry>of() : m.files()) {
            if (f.name() == null) { problems.add("a manifest file entry has no name"); continue; }
            listed.add(f.name());
            SourceRules.FileRules fr = rules.file(f.name());
            if (fr == null) { problems.add("file " + f.name() + " is not part of the " + d.source() + " layout"); continue; }
            if (!SpecVersion.atLeast(m.specVersion(), fr.since())) {
                problems.add("file " + f.name() + " belongs to spec_version " + fr.since() + " and later: the manifest says " + m.specVersion());
                continue;
            }
            Path p = new Path(folder, f.name());
            if (!fs.exists(p)) { problems.add("file " + f.name() + " is listed in the manifest but missing"); continue; }
            LandingFiles.FileDigest digest = files.digest(p);
            if (f.sha256() == null || !f.sha256().equalsIgnoreCase(digest.sha256())) {
                problems.add("file " + f.name() + ": sha256 " + digest.sha256() + " does not match the manifest's " + f.sha256());
            }
            if (f.records() == null || f.records() != digest.dataRows()) {
                problems.add("file " + f.name() + ": " + digest.dataRows() + " data rows read, the manifest says " + f.records());
            }
            List<String> header = readHeader(fs, p, rules.format());
            // every column of the layout, required or not: read as empty, a missing one would silently turn figures to 0
            for (SourceRules.FieldRule field : fr.fieldsOf(m.specVersion())) {
                if (!header.contains(field.name())) {
                    problems.add("file " + f.name() + ": column '" + field.name() + "' is missing from the header"
                            + (field.required() ? "" : " (every column of the layout must be present, even when its values may be empty)"));
                }
            }
            for (String h : header) {
                SourceRules.FieldRule known = fr.field(h);
                if (known == null) warnings.add("file " + f.name() + ": extra column '" + h + "' ignored");
                else if (!SpecVersion.atLeast(m.specVersion(), known.since())) {
                    warnings.add("file " + f.name() + ": extra column '" + h + "' ignored: it belongs to spec_version " + known.since()
                            + " and later, the manifest says " + m.specVersion());
                }
            }
            checked.add(new CheckedDelivery.CheckedFile(f.name(), p, digest.sha256(), digest.dataRows(), header));
        }
        for (SourceRules.FileRules fr : rules.files()) {
            if (fr.required() && !listed.contains(fr.name())) problems.add("required file " + fr.name() + " is not in the manifest");
        }
        for (var st : fs.listStatus(folder)) {
            String n = st.getPath().getName();
            if (!n.equals(MANIFEST) && !listed.contains(n)) warnings.add("file " + n + " is not listed in the manifest: ignored");
        }
        if (!problems.isEmpty()) return new Result(null, m, problems);
        return new Result(new CheckedDelivery(d, m, folder, extractedAt, from, to, fingerprint(checked), checked, warnings, m.specVersion()),
                m, List.of());
    }

    private static Result rejected(Manifest m, String problem) {
        return new Result(null, m, List.of(problem));
    }

    /** The delivery's content identity: SHA-256 over its files' names and checksums. */
    static String fingerprint(List<CheckedDelivery.CheckedFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.stream().sorted((a, b) -> a.name().compareTo(b.name()))
                    .forEach(f -> sha.update((f.name() + ":" + f.sha256().toLowerCase() + "\n").getBytes()));
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> readHeader(FileSystem fs, Path p, SourceRules.Format format) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(p), Charset.forName(format.encoding())))) {
            String line = r.readLine();
            if (line == null) return List.of();
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            List<String> cols = new ArrayList<>();
            String q = format.quote();
            for (String c : line.split(java.util.regex.Pattern.quote(format.separator()), -1)) {
                c = c.trim();
                if (q != null && c.length() >= 2 && c.startsWith(q) && c.endsWith(q)) c = c.substring(1, c.length() - 1);
                cols.add(c);
            }
            return cols;
        }
    }

    static boolean isSemester(LocalDate from, LocalDate to) {
        return from.getYear() == to.getYear()
                && ((from.getMonthValue() == 1 && from.getDayOfMonth() == 1 && to.getMonthValue() == 6 && to.getDayOfMonth() == 30)
                || (from.getMonthValue() == 7 && from.getDayOfMonth() == 1 && to.getMonthValue() == 12 && to.getDayOfMonth() == 31));
    }

    static Instant parseInstant(String s) {
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(ROME).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static LocalDate parseDate(String s) {
        try {
            return s == null ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
