package it.cabina.etl.anomalies;

import com.fasterxml.jackson.annotation.JsonProperty;

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
}
