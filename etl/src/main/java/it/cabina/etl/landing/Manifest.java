package it.cabina.etl.landing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** manifest.json of a delivery (extracts.md §1). Values are kept as text; the validator checks them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(
        @JsonProperty("spec_version") String specVersion,
        String source,
        String sender,
        @JsonProperty("delivery_id") String deliveryId,
        @JsonProperty("extracted_at") String extractedAt,
        String mode,
        Period period,
        List<FileEntry> files) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(String from, String to) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileEntry(String name, Long records, String sha256) {}
}
