package it.cabina.warehouse.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One report file of index.json; {@code path} is relative to the reports folder. {@code fingerprint} identifies what
 * the file was rendered from (its data and the renderer): a later publication with the same fingerprint keeps the file
 * and this entry as they are. Null in an index written before fingerprints existed: such a file is rendered again.
 */
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
        @JsonProperty("generated_at") String generatedAt,
        @JsonProperty("fingerprint") String fingerprint) {
}
