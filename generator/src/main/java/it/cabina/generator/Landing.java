package it.cabina.generator;

import it.cabina.generator.GenerationSummary.DeliverySummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The landing folder being filled: names deliveries ({@code <SOURCE>_<SENDER>_<yyyyMMdd'T'HHmmss>}, delivery id
 * {@code <SOURCE>-<SENDER>-<yyyyMMdd>-<nn>}), replaces a delivery of the same name left by an earlier run, and
 * collects the delivery summaries. Zipped deliveries are first written under {@code _generator/staging}.
 */
final class Landing {
    static final String GENERATOR_DIR = "_generator";
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

    private final Path out;
    private final Path staging;
    private final Map<String, Integer> sequences = new HashMap<>();
    private final List<DeliverySummary> deliveries = new ArrayList<>();

    Landing(Path out) {
        this.out = out;
        this.staging = out.resolve(GENERATOR_DIR).resolve("staging");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
    }

    Path out() { return out; }

    DeliveryWriter open(Source source, String sender, ZonedDateTime extractedAt, LocalDate periodFrom,
                        LocalDate periodTo, boolean zip, SpecVersion spec) {
        String name = source.name() + "_" + sender + "_" + FOLDER_TIME.format(extractedAt);
        String dayKey = source.name() + "-" + sender + "-" + ID_DATE.format(extractedAt);
        int seq = sequences.merge(dayKey, 1, Integer::sum);
        String deliveryId = dayKey + "-" + String.format(Locale.ROOT, "%02d", seq);
        deleteRecursively(out.resolve(name));
        deleteRecursively(out.resolve(name + ".zip"));
        Path folder = zip ? staging.resolve(name) : out.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        return new DeliveryWriter(this, folder, name, zip, source, sender, deliveryId, extractedAt, periodFrom, periodTo,
                spec);
    }

    void record(DeliverySummary d) {
        deliveries.add(d);
    }

    /** The deliveries written so far, by name. */
    List<DeliverySummary> deliveries() {
        return deliveries.stream().sorted(Comparator.comparing(DeliverySummary::name)).toList();
    }

    void cleanStaging() {
        deleteRecursively(staging);
    }

    static void deleteRecursively(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
