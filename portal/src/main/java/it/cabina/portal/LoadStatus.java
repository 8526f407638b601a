package it.cabina.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code data/stato.json}: the last nightly run, the last load, the deliveries still missing and the semesters corrected
 * by later re-sends, from the ledger.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadStatus(
        @JsonProperty("generated_at") String generatedAt,
        @JsonProperty("last_run") Run lastRun,
        @JsonProperty("last_load") String lastLoad,
        @JsonProperty("missing_deliveries") List<MissingDelivery> missingDeliveries,
        @JsonProperty("corrections") List<Correction> corrections) {

    public LoadStatus {
        missingDeliveries = missingDeliveries == null ? List.of() : List.copyOf(missingDeliveries);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(@JsonProperty("run_id") String runId, @JsonProperty("started_at") String startedAt,
                      @JsonProperty("finished_at") String finishedAt, @JsonProperty("as_of") String asOf,
                      @JsonProperty("outcome") String outcome) {
        public String outcomeText() {
            if (outcome == null) return "";
            return switch (outcome) {
                case "SUCCESS" -> "completata";
                case "PARTIAL" -> "completata con consegne scartate";
                case "FAILED" -> "non riuscita";
                default -> outcome;
            };
        }
    }

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
