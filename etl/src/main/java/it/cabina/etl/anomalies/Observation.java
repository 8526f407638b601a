package it.cabina.etl.anomalies;

/**
 * One value a check observes: of a sender or territory, in a period (ordered in time by {@code order}), for a measure;
 * {@code base} says how big the series is (small numbers are not judged); {@code semester}, when known, the semester it
 * belongs to.
 */
record Observation(String sender, String level, String territory, String period, long order, String measure, double value,
                   double base, String semester) {
    /** The series it belongs to: the same sender or territory and measure. */
    String series() {
        return sender + "|" + level + "|" + territory + "|" + measure;
    }
}
