package it.cabina.portal.web;

import it.cabina.portal.Statuses;
import it.cabina.warehouse.published.Dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A small line chart of an indicator over the triennium, drawn as inline SVG by the template. */
public record TrendChart(int width, int height, String line, List<Dot> dots, List<Target> targets, List<Label> labels,
                         String description) {
    /** The target of a year, as a short dash across its position. */
    public record Target(double x1, double x2, double y, String title) {}

    public record Dot(double x, double y, String statusClass, String title, String valueText) {
        /** Where the value is written: above the dot. */
        public double textY() { return Math.round((y - 7) * 10) / 10.0; }
    }

    public record Label(double x, double y, String text) {}

    static final int WIDTH = 150, HEIGHT = 64, PAD_X = 18, TOP = 18, BOTTOM = 16;

    public static TrendChart of(List<Integer> years, List<Dashboard.TrendPoint> trend) {
        List<Integer> xs = years.isEmpty() ? trend.stream().map(Dashboard.TrendPoint::year).toList() : years;
        List<Double> values = trend.stream().flatMap(t -> java.util.stream.Stream.of(t.value(), t.target()))
                .filter(Objects::nonNull).toList();
        double min = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (max <= min) max = min + 1;
        double span = xs.size() > 1 ? (WIDTH - 2.0 * PAD_X) / (xs.size() - 1) : 0;
        List<Dot> dots = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        List<String> description = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < xs.size(); i++) {
            int year = xs.get(i);
            double x = xs.size() > 1 ? PAD_X + i * span : WIDTH / 2.0;
            labels.add(new Label(x, HEIGHT - 3, String.valueOf(year)));
            Dashboard.TrendPoint p = trend.stream().filter(t -> t.year() == year).findFirst().orElse(null);
            String text = p == null || p.valueText() == null ? "—" : p.valueText();
            description.add(year + ": " + text + (p == null || p.targetText() == null ? "" : " (obiettivo " + p.targetText() + ")"));
            if (p != null && p.target() != null) {
                targets.add(new Target(round(x - 9), round(x + 9), round(y(p.target(), min, max)), year + ": obiettivo " + p.targetText()));
            }
            if (p == null || p.value() == null) continue;
            double y = y(p.value(), min, max);
            dots.add(new Dot(round(x), round(y), Statuses.cssClass(p.status()),
                    year + ": " + text + (p.targetText() == null ? "" : " (obiettivo " + p.targetText() + ")")
                            + (p.status() == null ? "" : " — " + Statuses.label(p.status())), text));
            line.append(line.length() == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
        }
        return new TrendChart(WIDTH, HEIGHT, line.toString(), dots, targets, labels, "Andamento: " + String.join("; ", description));
    }

    private static double y(double value, double min, double max) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - min) / (max - min));
    }

    public boolean hasLine() { return dots.size() > 1; }

    private static double round(double v) { return Math.round(v * 10) / 10.0; }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }
}
