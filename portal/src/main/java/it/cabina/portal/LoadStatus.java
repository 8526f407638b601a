package it.cabina.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code data/stato.json}: the last nightly run, the last load and the deliveries still missing, from the ledger. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadStatus(
        @JsonProperty("generated_at") String generatedAt,
        @JsonProperty("last_run") Run lastRun,
        @JsonProperty("last_load") String lastLoad,
        @JsonProperty("missing_deliveries") List<MissingDelivery> missingDeliveries) {

    public LoadStatus {
        missingDeliveries = missingDeliveries == null ? List.of() : List.copyOf(missingDeliveries);
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
}
