package it.cabina.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A calendar semester: half 1 is January–June, half 2 July–December. */
record Semester(int year, int half) implements Comparable<Semester> {

    static Semester of(LocalDate day) {
        return new Semester(day.getYear(), day.getMonthValue() <= 6 ? 1 : 2);
    }

    LocalDate start() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    LocalDate end() {
        return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    int firstMonth() {
        return half == 1 ? 1 : 7;
    }

    Semester next() {
        return half == 1 ? new Semester(year, 2) : new Semester(year + 1, 1);
    }

    /** The semesters that end on or after {@code from} and on or before {@code to}. */
    static List<Semester> endedBetween(LocalDate from, LocalDate to) {
        List<Semester> list = new ArrayList<>();
        for (Semester s = of(from); !s.end().isAfter(to); s = s.next()) list.add(s);
        return list;
    }

    @Override
    public int compareTo(Semester o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(half, o.half);
    }

    @Override
    public String toString() {
        return year + "-S" + half;
    }
}
