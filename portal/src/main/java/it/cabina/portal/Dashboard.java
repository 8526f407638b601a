package it.cabina.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The Cruscotto indicatori of one territory and year, as the nightly writes it (small cells already protected). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dashboard(
        @JsonProperty("report") String report,
        @JsonProperty("year") int year,
        @JsonProperty("level") String level,
        @JsonProperty("territory") String territory,
        @JsonProperty("territory_name") String territoryName,
        @JsonProperty("generated_at") String generatedAt,
        @JsonProperty("run_id") String runId,
        @JsonProperty("as_of") String asOf,
        @JsonProperty("years") List<Integer> years,
        @JsonProperty("protection_threshold") Integer protectionThreshold,
        @JsonProperty("areas") List<Area> areas) {

    public Dashboard {
        years = years == null ? List.of() : List.copyOf(years);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(@JsonProperty("area") String area, @JsonProperty("title") String title,
                       @JsonProperty("indicators") List<Indicator> indicators) {
        public Area {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(
            @JsonProperty("code") String code,
            @JsonProperty("title") String title,
            @JsonProperty("unit") String unit,
            @JsonProperty("numerator_text") String numeratorText,
            @JsonProperty("denominator_text") String denominatorText,
            @JsonProperty("value") Double value,
            @JsonProperty("value_text") String valueText,
            @JsonProperty("target_text") String targetText,
            @JsonProperty("status") String status,
            @JsonProperty("status_label") String statusLabel,
            @JsonProperty("note") String note,
            @JsonProperty("trend") List<TrendPoint> trend) {
        public Indicator {
            trend = trend == null ? List.of() : List.copyOf(trend);
        }

        /** The CSS class of the status (status-raggiunto, status-non-raggiunto, …). */
        public String statusClass() { return Statuses.cssClass(status); }

        public String statusText() { return statusLabel != null && !statusLabel.isBlank() ? statusLabel : Statuses.label(status); }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrendPoint(@JsonProperty("year") int year, @JsonProperty("value") Double value,
                             @JsonProperty("value_text") String valueText, @JsonProperty("target") Double target,
                             @JsonProperty("target_text") String targetText, @JsonProperty("status") String status) {
        public String statusClass() { return Statuses.cssClass(status); }

        public String statusText() { return Statuses.label(status); }
    }
}
