package it.cabina.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One report of index.json; {@code path} is relative to the reports folder. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportEntry(
        @JsonProperty("report") String report,
        @JsonProperty("period") String period,
        @JsonProperty("level") String level,
        @JsonProperty("territory") String territory,
        @JsonProperty("territory_name") String territoryName,
        @JsonProperty("title") String title,
        @JsonProperty("format") String format,
        @JsonProperty("path") String path,
        @JsonProperty("generated_at") String generatedAt) {

    public Level levelValue() { return Level.parse(level); }

    /** The dashboard page of this entry's territory and year, for a Cruscotto; null for other reports. */
    public String dashboardUrl() {
        if (!"cruscotto".equals(report) || period == null || !period.matches("\\d{4}") || levelValue() == null) return null;
        return "/cruscotto/" + period + "/" + levelValue() + "/" + territory;
    }

    public String downloadUrl() { return "/reports/" + path; }
}
