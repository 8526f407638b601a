package it.cabina.warehouse.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code <esiti>/<SENDER>/<delivery folder>.esito.json}: what became of one delivery, for its sender (the return file):
 * loaded, rejected or duplicate, why, and per file the rows received, loaded, set aside and loaded with a warning — the
 * ledger's own counts. When rows were set aside, {@code <delivery folder>.scarti.csv} beside it lists them
 * ({@link #SET_ASIDE_HEADER}), values masked as in the quarantine. Written once, when the delivery is decided, never
 * rewritten.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryEsito(
        @JsonProperty("delivery") String delivery,
        @JsonProperty("delivery_id") String deliveryId,
        @JsonProperty("source") String source,
        @JsonProperty("sender") String sender,
        @JsonProperty("status") String status,
        @JsonProperty("status_text") String statusText,
        @JsonProperty("processed_at") String processedAt,
        @JsonProperty("run_id") String runId,
        @JsonProperty("extracted_at") String extractedAt,
        @JsonProperty("period_from") String periodFrom,
        @JsonProperty("period_to") String periodTo,
        @JsonProperty("reasons") List<String> reasons,
        @JsonProperty("warnings") List<String> warnings,
        @JsonProperty("files") List<FileCounts> files,
        @JsonProperty("set_aside_file") String setAsideFile) {

    public static final String SUFFIX = ".esito.json";
    public static final String SET_ASIDE_SUFFIX = ".scarti.csv";
    public static final String SET_ASIDE_HEADER = "file,line,field,rule,value,message";
    /** A sender's folder name: anything else (a name that could leave the folder) goes to {@link #UNKNOWN_SENDER}. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    public static final String UNKNOWN_SENDER = "_mittente_non_valido";

    public DeliveryEsito {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** Per file: received = loaded + set aside, always (the ledger's counts). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileCounts(@JsonProperty("name") String name, @JsonProperty("declared") Long declared,
                             @JsonProperty("received") Long received, @JsonProperty("loaded") Long loaded,
                             @JsonProperty("set_aside") Long setAside, @JsonProperty("warnings") Long warnings) {}

    /** The folder of a sender's esiti, relative to the esiti folder. */
    public static String folder(String sender) {
        return sender != null && SAFE.matcher(sender).matches() && !sender.contains("..") ? sender : UNKNOWN_SENDER;
    }

    /** Where the esito of a delivery is, relative to the esiti folder. */
    public static String path(String sender, String delivery) {
        return folder(sender) + "/" + delivery + SUFFIX;
    }

    /** Where the rows it set aside are listed, relative to the esiti folder. */
    public static String setAsidePath(String sender, String delivery) {
        return folder(sender) + "/" + delivery + SET_ASIDE_SUFFIX;
    }

    /** The status in the senders' words. */
    public static String statusText(String status) {
        return switch (String.valueOf(status)) {
            case "LOADED" -> "caricata";
            case "REJECTED" -> "respinta";
            case "DUPLICATE" -> "duplicata (già caricata con lo stesso contenuto: non ricaricata)";
            default -> String.valueOf(status);
        };
    }
}
