package it.cabina.etl.anomalies;

import it.cabina.etl.anomalies.AnomalyRules.Check;
import it.cabina.etl.anomalies.AnomalyRules.Comparison;
import it.cabina.etl.anomalies.AnomalyRules.Threshold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares every observation of a check with the history of its series ({@link AnomalyRules.Comparison}) and returns the
 * ones out of line: plain arithmetic on the driver (the observations of a check are a few thousand at regional scale).
 */
final class Judge {
    /** MAD × 1.4826 estimates the standard deviation of normally distributed values. */
    static final double MAD_TO_SD = 1.4826;

    private Judge() {}

    static List<Anomaly> anomalies(Check check, List<Observation> observations) {
        Map<String, List<Observation>> bySeries = new LinkedHashMap<>();
        for (Observation o : observations) bySeries.computeIfAbsent(o.series(), s -> new ArrayList<>()).add(o);
        List<Anomaly> out = new ArrayList<>();
        for (List<Observation> series : bySeries.values()) {
            series.sort(Comparator.comparingLong(Observation::order));
            for (int i = 0; i < series.size(); i++) {
                double[] range = check.confronto().history() ? fromHistory(check.confronto(), series, i) : fromReferences(check.confronto(), series, i);
                if (range == null) continue;
                Anomaly a = judge(check, series.get(i), range);
                if (a != null) out.add(a);
            }
        }
        return out;
    }

    /**
     * {centre or lowest reference, spread or highest reference, kind}: what the thresholds are applied to, or null when
     * the observation cannot be judged (too little history, a series too small).
     */
    private static double[] fromHistory(Comparison k, List<Observation> series, int i) {
        List<Observation> before = series.subList(Math.max(0, i - k.ultimi()), i);
        if (before.size() < k.minimoStorico()) return null;
        double[] values = before.stream().mapToDouble(Observation::value).toArray();
        double median = median(values);
        if (median(before.stream().mapToDouble(Observation::base).toArray()) < k.min()) return null;
        double mad = median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
        double spread = Math.max(MAD_TO_SD * mad, (k.scartoMinimo() == null ? 0 : k.scartoMinimo()) * Math.abs(median));
        return new double[]{median, Math.max(spread, 1e-9), 0};
    }

    private static double[] fromReferences(Comparison k, List<Observation> series, int i) {
        long order = series.get(i).order();
        double low = Double.POSITIVE_INFINITY, high = Double.NEGATIVE_INFINITY;
        for (Observation o : series) {
            if (!k.riferimenti().contains((int) (order - o.order())) || o.base() < k.min()) continue;
            low = Math.min(low, o.value());
            high = Math.max(high, o.value());
        }
        return low == Double.POSITIVE_INFINITY ? null : new double[]{low, high, 1};
    }

    private static double[] range(Threshold t, double[] r) {
        if (r[2] == 0) return new double[]{r[0] - t.oltre() * r[1], r[0] + t.oltre() * r[1]};
        return new double[]{r[0] * (1 - t.calo()), r[1] * (1 + t.crescita())};
    }

    private static Anomaly judge(Check check, Observation o, double[] r) {
        String severity = null;
        for (Threshold t : check.soglie()) {
            double[] range = range(t, r);
            if (o.value() < range[0] || o.value() > range[1]) severity = t.gravita();
        }
        if (severity == null) return null;
        double[] expected = range(check.mildest(), r);
        double low = Math.max(0, expected[0]);
        String text = String.format(Locale.ITALY, "%s: %s %s, fuori dall'intervallo atteso %s – %s (%s)", check.descrizione(), o.measure(),
                Anomaly.shown(o.value()), Anomaly.shown(low), Anomaly.shown(expected[1]), check.confronto().history()
                        ? "mediana delle ultime consegne " + Anomaly.shown(r[0]) : "riferimento " + (r[0] == r[1] ? Anomaly.shown(r[0]) : Anomaly.shown(r[0]) + " – " + Anomaly.shown(r[1])));
        return new Anomaly(check.check(), check.fonte(), o.sender(), o.level(), o.territory(), o.period(), o.measure(), o.value(), low,
                expected[1], severity, text, o.semester());
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
