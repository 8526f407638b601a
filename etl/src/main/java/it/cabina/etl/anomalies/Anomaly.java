package it.cabina.etl.anomalies;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An observation out of line with its history: which check found it, about which source and sender or territory, in which
 * period, the measure and its value, the range expected (the mildest threshold's), the severity, and a sentence in Italian.
 */
public record Anomaly(@JsonProperty("check") String check, @JsonProperty("source") String source,
                      @JsonProperty("sender") String sender, @JsonProperty("level") String level,
                      @JsonProperty("territory") String territory, @JsonProperty("period") String period,
                      @JsonProperty("measure") String measure, @JsonProperty("observed") double observed,
                      @JsonProperty("expected_low") Double expectedLow, @JsonProperty("expected_high") Double expectedHigh,
                      @JsonProperty("severity") String severity, @JsonProperty("description") String description,
                      @JsonProperty("semester") String semester) {

    /**
     * A measure or a bound as a reader writes it: Italian separators, at most two decimals (1.234,5). The bounds are
     * products of thresholds and medians (8.199999999999996 for 8,2): every place that shows them uses this.
     */
    public static String shown(double value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ITALY)).format(value);
    }

    /** The expected range as shown: "low – high", or "" when the check has none. */
    public String expectedShown() {
        return shownRange(expectedLow, expectedHigh);
    }

    /** A range as shown: "low – high", or "" without one of its bounds (the quality report reads them from the table). */
    public static String shownRange(Double low, Double high) {
        return low == null || high == null ? "" : shown(low) + " – " + shown(high);
    }
}
