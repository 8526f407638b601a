package it.cabina.generator;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When each Ambito sends its FLUSSO: the semesters ended by {@code to}, one Ambito-semester never sent, one sent
 * twice (the second FULL delivery, later, replaces the first), one sent as a zip.
 */
final class FlussoSchedule {
    final List<Semester> semesters;
    private final LocalDate to;
    private final int[] missing;
    private final int[] resent;
    private final int[] zipped;

    FlussoSchedule(LocalDate from, LocalDate to, int ambiti, boolean zipSome) {
        this.semesters = Semester.endedBetween(from, to);
        this.to = to;
        int s = semesters.size();
        this.resent = s > 0 ? new int[]{0, 0} : null;
        int[] m = s > 0 ? new int[]{ambiti > 1 ? 1 : 0, Math.max(0, s - 2)} : null;
        this.missing = m != null && java.util.Arrays.equals(m, resent) ? (s > 1 ? new int[]{0, s - 1} : null) : m;
        int[] z = s > 1 && zipSome ? new int[]{ambiti > 2 ? 2 : 0, 1} : null;
        this.zipped = z != null && (java.util.Arrays.equals(z, missing) || java.util.Arrays.equals(z, resent)) ? null : z;
    }

    boolean missing(int ambito, int semester) {
        return is(missing, ambito, semester);
    }

    boolean resent(int ambito, int semester) {
        return is(resent, ambito, semester);
    }

    boolean zipped(int ambito, int semester) {
        return is(zipped, ambito, semester);
    }

    /** The first delivery of a semester: some weeks after its end (never after {@code to}). */
    ZonedDateTime extractedAt(int ambito, Semester s) {
        LocalDate day = s.end().plusDays(20 + (ambito * 3) % 20);
        return clamp(ZonedDateTime.of(day, LocalTime.of(10, ambito % 60), Formats.ROME), LocalTime.of(21, 0));
    }

    /** The re-send: about seven weeks after the first delivery, always later than it. */
    ZonedDateTime resentAt(int ambito, Semester s) {
        ZonedDateTime first = extractedAt(ambito, s);
        ZonedDateTime again = clamp(first.plusDays(50).withHour(11).withMinute(30), LocalTime.of(22, 30));
        return again.isAfter(first) ? again : first.plusHours(1);
    }

    private ZonedDateTime clamp(ZonedDateTime t, LocalTime late) {
        return t.toLocalDate().isAfter(to) ? ZonedDateTime.of(to, late, Formats.ROME) : t;
    }

    private static boolean is(int[] pair, int ambito, int semester) {
        return pair != null && pair[0] == ambito && pair[1] == semester;
    }
}
