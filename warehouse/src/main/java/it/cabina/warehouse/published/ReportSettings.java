package it.cabina.warehouse.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.cabina.warehouse.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** conf/reports.yaml: small-cell protection and the measures of the semiannual summary. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ReportSettings(Protection protezione, Semestrale semestrale, Qualita qualita) {

    public record Protection(int soglia, @JsonProperty("viste_persone") Set<String> vistePersone) {}

    public record Semestrale(List<Section> sezioni) {}

    public record Section(String titolo, String tabella, String filtro, List<Measure> misure, Detail dettaglio) {}

    /** tipo: persone, conteggio, importo, giorni, percentuale; base: the measure whose protection it follows. */
    public record Measure(String colonna, String etichetta, String tipo, boolean grafico, String base) {
        public boolean persons() {
            return "persone".equals(tipo);
        }
    }

    public record Detail(String colonna, String lista, String misura, String etichetta, String filtro) {}

    public record Qualita(@JsonProperty("motivi_principali") int motiviPrincipali,
                          @JsonProperty("semestri_andamento") int semestriAndamento) {}

    private static final Set<String> KINDS = Set.of("persone", "conteggio", "importo", "giorni", "percentuale");

    public static ReportSettings load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            ReportSettings s = yaml.readValue(Files.readString(file), ReportSettings.class);
            s.validate(file);
            return s;
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private void validate(Path file) {
        if (protezione == null || protezione.soglia() < 0) throw new ConfigException(file + ": protezione.soglia must be 0 or more");
        for (Section s : semestrale.sezioni()) {
            for (Measure m : s.misure()) {
                if (!KINDS.contains(m.tipo())) {
                    throw new ConfigException(file + ": sezione '" + s.titolo() + "', misura " + m.colonna() + ": tipo '" + m.tipo()
                            + "' is not one of " + KINDS);
                }
            }
        }
    }

    /** The same settings with another protection threshold (0 disables it). */
    public ReportSettings withThreshold(int threshold) {
        return new ReportSettings(new Protection(threshold, protezione.vistePersone()), semestrale, qualita);
    }

    public SmallCells smallCells() {
        return new SmallCells(protezione.soglia());
    }
}
