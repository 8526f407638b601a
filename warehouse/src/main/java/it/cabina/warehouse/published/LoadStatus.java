package it.cabina.warehouse.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code data/stato.json}: when data was last loaded, the last finished run, the FLUSSO deliveries still missing, the
 * FLUSSO semesters corrected by later re-sends (punctuality is judged on the first delivery; corrections are counted apart),
 * and the anomalies found against the history of deliveries and figures.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadStatus(
        @JsonProperty("generated_at") String generatedAt,
        @JsonProperty("run_id") String runId,
        @JsonProperty("as_of") String asOf,
        @JsonProperty("last_load") String lastLoad,
        @JsonProperty("last_run") Run lastRun,
        @JsonProperty("missing_deliveries") List<MissingDelivery> missingDeliveries,
        @JsonProperty("corrections") List<Correction> corrections,
        @JsonProperty("anomalies") List<Anomaly> anomalies) {
    public static final String PATH = "data/stato.json";

    public LoadStatus {
        missingDeliveries = missingDeliveries == null ? List.of() : List.copyOf(missingDeliveries);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
        anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
    }

    /**
     * What the checks of conf/anomalies.yaml found out of line with its history (a delivery far smaller than usual, a
     * FLUSSO semester whose spending halved…): shown, never blocking. {@code sender} is the Ambito that sent what was
     * observed (null for a territory: an ATS's AFAM units, an indicator's value).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Anomaly(@JsonProperty("check") String check, @JsonProperty("source") String source,
                          @JsonProperty("sender") String sender, @JsonProperty("level") String level,
                          @JsonProperty("territory") String territory, @JsonProperty("period") String period,
                          @JsonProperty("measure") String measure, @JsonProperty("observed") Double observed,
                          @JsonProperty("expected_low") Double expectedLow, @JsonProperty("expected_high") Double expectedHigh,
                          @JsonProperty("severity") String severity, @JsonProperty("description") String description) {}

    /** The last finished nightly; {@code outcome} is SUCCESS, or PARTIAL when it rejected deliveries. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(@JsonProperty("run_id") String runId, @JsonProperty("finished_at") String finishedAt,
                      @JsonProperty("as_of") String asOf, @JsonProperty("outcome") String outcome) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MissingDelivery(@JsonProperty("source") String source, @JsonProperty("sender") String sender,
                                  @JsonProperty("ambito") String ambito, @JsonProperty("period") String period,
                                  @JsonProperty("due") String due, @JsonProperty("days_late") Integer daysLate) {}

    /** A FLUSSO semester re-sent after its first delivery: the first one decided punctuality, the others are corrections. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Correction(@JsonProperty("source") String source, @JsonProperty("ambito") String ambito,
                             @JsonProperty("period") String period, @JsonProperty("first_delivery") String firstDelivery,
                             @JsonProperty("first_on_time") Boolean firstOnTime,
                             @JsonProperty("last_correction") String lastCorrection,
                             @JsonProperty("corrections") Integer corrections) {}
}
