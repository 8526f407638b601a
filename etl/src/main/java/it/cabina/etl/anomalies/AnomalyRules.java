package it.cabina.etl.anomalies;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.cabina.warehouse.config.ConfigException;
import org.apache.spark.sql.execution.SparkSqlParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks of {@code conf/anomalies.yaml}, as data: a measure, a comparison with history, thresholds and severities. */
public record AnomalyRules(List<Check> checks) {
    public static final List<String> SEVERITIES = List.of("ATTENZIONE", "GRAVE");

    /** One check: the SQL of its observations, how they are compared, and its thresholds from the mildest. */
    public record Check(String check, String descrizione, String fonte, String misura, Comparison confronto, List<Threshold> soglie) {
        /** The mildest threshold: the expected range reported is its. */
        public Threshold mildest() {
            return soglie.get(0);
        }
    }

    /**
     * @param tipo          {@code storico} (median and spread of the {@code ultimi} previous observations) or
     *                      {@code variazione} (against the observations {@code riferimenti} steps before)
     * @param minimo        an observation is judged only when its reference's base is at least this
     */
    public record Comparison(String tipo, Integer ultimi, @JsonProperty("minimo_storico") Integer minimoStorico,
                             @JsonProperty("scarto_minimo") Double scartoMinimo, List<Integer> riferimenti, Double minimo) {
        public boolean history() {
            return STORICO.equals(tipo);
        }

        public double min() {
            return minimo == null ? 0 : minimo;
        }
    }

    /** {@code oltre} spreads for {@code storico}; {@code calo} and {@code crescita} shares for {@code variazione}. */
    public record Threshold(Double oltre, Double calo, Double crescita, String gravita) {}

    static final String STORICO = "storico", VARIAZIONE = "variazione";

    /**
     * Reads and checks the file; the SQL of every measure is parsed (Spark's parser, no session: `cabina check` too), so
     * a broken check stops the run before it loads.
     */
    public static AnomalyRules load(Path file) {
        SparkSqlParser parser = new SparkSqlParser();
        AnomalyRules rules;
        try {
            rules = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(file.toFile(), AnomalyRules.class);
        } catch (IOException e) {
            throw new ConfigException("conf/anomalies.yaml: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (rules.checks() == null) throw new ConfigException("conf/anomalies.yaml: 'checks' is required");
        Set<String> codes = new HashSet<>();
        for (Check c : rules.checks()) {
            String where = "conf/anomalies.yaml: check " + c.check() + ": ";
            if (c.check() == null || !codes.add(c.check())) throw new ConfigException("conf/anomalies.yaml: a check without a code, or named twice");
            if (c.descrizione() == null || c.fonte() == null || c.misura() == null || c.confronto() == null) {
                throw new ConfigException(where + "'descrizione', 'fonte', 'misura' and 'confronto' are required");
            }
            Comparison k = c.confronto();
            if (k.history()) {
                if (k.ultimi() == null || k.ultimi() < 2 || k.minimoStorico() == null || k.minimoStorico() < 2 || k.minimoStorico() > k.ultimi()) {
                    throw new ConfigException(where + "storico needs 'ultimi' and 'minimo_storico' (2 or more, minimo_storico ≤ ultimi)");
                }
            } else if (VARIAZIONE.equals(k.tipo())) {
                if (k.riferimenti() == null || k.riferimenti().isEmpty() || k.riferimenti().stream().anyMatch(r -> r == null || r < 1)) {
                    throw new ConfigException(where + "variazione needs 'riferimenti' (steps back, 1 or more)");
                }
            } else {
                throw new ConfigException(where + "confronto.tipo must be " + STORICO + " or " + VARIAZIONE);
            }
            if (c.soglie() == null || c.soglie().isEmpty()) throw new ConfigException(where + "'soglie' needs at least one threshold");
            for (Threshold t : c.soglie()) {
                if (!SEVERITIES.contains(t.gravita())) throw new ConfigException(where + "gravita must be one of " + SEVERITIES);
                boolean ok = k.history() ? t.oltre() != null && t.oltre() > 0 && t.calo() == null && t.crescita() == null
                        : t.oltre() == null && t.calo() != null && t.crescita() != null && t.calo() >= 0 && t.calo() <= 1 && t.crescita() >= 0;
                if (!ok) throw new ConfigException(where + (k.history() ? "a threshold of storico is 'oltre' (spreads, more than 0)"
                        : "a threshold of variazione is 'calo' (0 to 1) and 'crescita' (0 or more)"));
            }
            try {
                parser.parsePlan(c.misura());
            } catch (Exception e) {
                throw new ConfigException(where + "misura: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        return rules;
    }
}
