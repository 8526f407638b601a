package it.cabina.warehouse.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code index.json}: every report file of the reports folder, earlier periods included. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportIndexFile(@JsonProperty("reports") List<ReportEntry> reports) {
    public static final String PATH = "index.json";

    public ReportIndexFile {
        reports = reports == null ? List.of() : List.copyOf(reports);
    }
}
