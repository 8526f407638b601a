package it.cabina.generator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random stream with the few helpers the generator needs. Streams are derived from the generation seed
 * and a name ({@link #derive}), so that each Ambito and each concern draws its own numbers and adding rows in one
 * place does not shift the others.
 */
final class Rand {
    private final SplittableRandom random;

    private Rand(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A stream for the given seed and name parts, independent of the order in which streams are created. */
    static Rand derive(long seed, Object... parts) {
        long h = 0xcbf29ce484222325L;
        for (Object part : parts) {
            for (byte b : (String.valueOf(part) + "/").getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
        }
        return new Rand(mix(h ^ mix(seed)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A uniform integer in [min, max] (both included). */
    int between(int min, int max) {
        return max <= min ? min : min + random.nextInt(max - min + 1);
    }

    double between(double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** A Poisson-distributed count with the given mean (small means only). */
    int poisson(double mean) {
        if (mean <= 0) return 0;
        double l = Math.exp(-Math.min(mean, 60)), p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** Picks {@code values[i]} with probability proportional to {@code weights[i]}. */
    <T> T weighted(List<T> values, double[] weights) {
        double total = 0;
        for (double w : weights) total += w;
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return values.get(i);
        }
        return values.get(values.size() - 1);
    }

    /** A day in [from, to] (both included). */
    LocalDate date(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
    }

    /** A timestamp on that day during office hours (07:30 to 18:55, whole minutes). */
    LocalDateTime officeTime(LocalDate day) {
        return day.atTime(LocalTime.of(7, 30).plusMinutes(5L * random.nextInt(138)));
    }
}
