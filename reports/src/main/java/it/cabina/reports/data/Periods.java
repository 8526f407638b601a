package it.cabina.reports.data;

import java.time.LocalDate;

/** Semester codes (YYYY-S1, YYYY-S2) and their neighbours, and how periods read in Italian. */
public final class Periods {
    private Periods() {}

    public static String semesterOf(LocalDate d) {
        return d.getYear() + "-S" + (d.getMonthValue() <= 6 ? 1 : 2);
    }

    /** The last semester that ended before the reference date. */
    public static String latestEndedSemester(LocalDate asOf) {
        return previousSemester(semesterOf(asOf));
    }

    public static String previousSemester(String s) {
        int year = year(s);
        return s.endsWith("S2") ? year + "-S1" : (year - 1) + "-S2";
    }

    public static String sameSemesterYearBefore(String s) {
        return (year(s) - 1) + s.substring(4);
    }

    public static int year(String semester) {
        return Integer.parseInt(semester.substring(0, 4));
    }

    public static String semesterLabel(String s) {
        return (s.endsWith("S1") ? "1° semestre " : "2° semestre ") + year(s);
    }

    public static String shortLabel(String s) {
        return (s.endsWith("S1") ? "I sem. " : "II sem. ") + year(s);
    }
}
