package it.cabina.warehouse.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code data/cruscotto/<year>/<LEVEL>/<territory>.json}: the Cruscotto indicatori of one territory and year as the
 * portal shows it, small cells already protected. Texts are as the reports print them; values and targets are numbers
 * for the portal's charts.
 */
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

    /** The report kind whose data the dashboards are. */
    public static final ReportKind KIND = ReportKind.CRUSCOTTO;

    public Dashboard {
        years = years == null ? List.of() : List.copyOf(years);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** Where the dashboard of a territory and year is, relative to the reports folder. */
    public static String path(int year, String level, String territory) {
        return KIND.dataPath(year, level, territory);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(@JsonProperty("area") String area, @JsonProperty("title") String title,
                       @JsonProperty("indicators") List<Indicator> indicators) {
        public Area {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    /**
     * One indicator of the year; above the Ambito, {@code ambiti_on_target} reads "n su m": of the m Ambiti below whose
     * value was judged against the year's target, n reached it (null at the Ambito level, and for a year without a target).
     */
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
            @JsonProperty("trend") List<TrendPoint> trend,
            @JsonProperty("ambiti_on_target") String ambitiOnTarget) {
        public Indicator {
            trend = trend == null ? List.of() : List.copyOf(trend);
        }
    }

    /** One year of an indicator's triennium. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrendPoint(@JsonProperty("year") int year, @JsonProperty("value") Double value,
                             @JsonProperty("value_text") String valueText, @JsonProperty("target") Double target,
                             @JsonProperty("target_text") String targetText, @JsonProperty("status") String status) {}
}
