package it.cabina.warehouse.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code data/confronto/<year>/<LEVEL>/<territory>.json}: the Confronto tra Ambiti of a territory above the Ambito and a
 * year as the portal shows it — the indicators (rows, grouped by area) by the Ambiti below (columns), each cell the value
 * with its status, the territory's own value and the year's target, and how many Ambiti reached it. Small cells are
 * already protected, as in the reports.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Comparison(
        @JsonProperty("report") String report,
        @JsonProperty("year") int year,
        @JsonProperty("level") String level,
        @JsonProperty("territory") String territory,
        @JsonProperty("territory_name") String territoryName,
        @JsonProperty("generated_at") String generatedAt,
        @JsonProperty("run_id") String runId,
        @JsonProperty("as_of") String asOf,
        @JsonProperty("ambiti") List<Ambito> ambiti,
        @JsonProperty("areas") List<Area> areas) {

    /** The report kind whose data the comparisons are. */
    public static final ReportKind KIND = ReportKind.CONFRONTO;

    public Comparison {
        ambiti = ambiti == null ? List.of() : List.copyOf(ambiti);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** Where the comparison of a territory and year is, relative to the reports folder. */
    public static String path(int year, String level, String territory) {
        return KIND.dataPath(year, level, territory);
    }

    /** A column: an Ambito below the territory. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ambito(@JsonProperty("code") String code, @JsonProperty("name") String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Area(@JsonProperty("area") String area, @JsonProperty("title") String title,
                       @JsonProperty("indicators") List<Row> indicators) {
        public Area {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    /** An indicator: the territory's value, the target, "n su m" Ambiti on target, and a cell per Ambito (in column order). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(@JsonProperty("code") String code, @JsonProperty("title") String title, @JsonProperty("unit") String unit,
                      @JsonProperty("target_text") String targetText, @JsonProperty("territory") Cell territory,
                      @JsonProperty("ambiti_on_target") String ambitiOnTarget, @JsonProperty("cells") List<Cell> cells) {
        public Row {
            cells = cells == null ? List.of() : List.copyOf(cells);
        }
    }

    /** A value as published: its text (protected), its status and the status's label. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cell(@JsonProperty("value_text") String valueText, @JsonProperty("status") String status,
                       @JsonProperty("status_label") String statusLabel) {}
}
