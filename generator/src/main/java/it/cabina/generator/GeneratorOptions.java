package it.cabina.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: where, from which seed, how much, over which dates, with how many defective rows.
 *
 * @param out         the landing folder the deliveries are written into (created when missing)
 * @param seed        the seed of every random choice: same options, same bytes
 * @param scale       the size preset
 * @param from        first day covered by the CSI deliveries
 * @param to          last day covered; FLUSSO covers the semesters fully ended by this day
 * @param defectShare share of CSI and FLUSSO rows that break exactly one rule of the extract specification
 * @param zipSome     when true a few deliveries are written as {@code .zip} instead of a folder
 */
public record GeneratorOptions(Path out, long seed, Scale scale, LocalDate from, LocalDate to,
                               double defectShare, boolean zipSome) {

    public GeneratorOptions {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        if (defectShare < 0 || defectShare >= 0.5) {
            throw new IllegalArgumentException("defectShare must be in [0, 0.5), found " + defectShare);
        }
    }

    /** Seed 42, scale DEMO, 2024-01-01 to 2026-09-30, 2 % defective rows, some deliveries zipped. */
    public static GeneratorOptions defaults(Path out) {
        return new GeneratorOptions(out, 42L, Scale.DEMO, LocalDate.of(2024, 1, 1), LocalDate.of(2026, 9, 30), 0.02, true);
    }

    public GeneratorOptions withScale(Scale s) {
        return new GeneratorOptions(out, seed, s, from, to, defectShare, zipSome);
    }

    public GeneratorOptions withOut(Path o) {
        return new GeneratorOptions(o, seed, scale, from, to, defectShare, zipSome);
    }

    public GeneratorOptions withSeed(long s) {
        return new GeneratorOptions(out, s, scale, from, to, defectShare, zipSome);
    }
}
