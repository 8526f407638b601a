package it.cabina.etl.indicators;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.reference.CodeLists;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The indicator catalogue of {@code conf/indicators.yaml} with the views it reads ({@code conf/views/}), checked on
 * load (the SQL of each side is analysed by the engine before anything runs).
 */
public record IndicatorCatalog(Triennium triennio, List<Indicator> indicators, IndicatorViews views) {

    public record Triennium(int dal, int al) {
        public List<Integer> years() {
            return java.util.stream.IntStream.rangeClosed(dal, al).boxed().toList();
        }
    }

    /** One side of the ratio: an aggregate over a view, or a constant, or the size of a code list. */
    public record Side(String vista, String misura, String condizione, Double costante, String lista) {
        public boolean fromView() {
            return vista != null;
        }
    }

    public enum Kind {
        PERCENTUALE, RAPPORTO, MEDIA, CONTEGGIO;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }

        public boolean ratio() {
            return this != CONTEGGIO;
        }
    }

    /**
     * @param perAmbito the target is set for each Ambito (indicators.md, "Targets per Ambito"): above the Ambito the value
     *                  is the mean per Ambito with data — the denominator is the sum of the Ambiti's denominators (a
     *                  constant per Ambito) or, for a count, the number of Ambiti with data
     */
    public record Indicator(String code, String titolo, String fonte, String area, Kind tipo, String unita, Integer decimali,
                            Side numeratore, Side denominatore, Map<Integer, String> regole,
                            @com.fasterxml.jackson.annotation.JsonProperty("per_ambito") boolean perAmbito) {

        public YearRule rule(int year) {
            return YearRule.parse(regole == null ? null : regole.get(year));
        }

        /** The views this indicator reads: a territory and year with no row in any of them has no data. */
        public Set<String> views() {
            Set<String> v = new java.util.LinkedHashSet<>();
            if (numeratore.fromView()) v.add(numeratore.vista());
            if (denominatore != null && denominatore.fromView()) v.add(denominatore.vista());
            return v;
        }
    }

    private record Raw(Triennium triennio, List<Indicator> indicators) {}

    /** The catalogue and the views of {@code conf/views/} beside it. */
    public static IndicatorCatalog load(Path file, CodeLists codeLists) {
        return load(file, codeLists, IndicatorViews.load(file.resolveSibling("views")));
    }

    public static IndicatorCatalog load(Path file, CodeLists codeLists, IndicatorViews views) {
        Set<String> knownViews = views.names();
        Raw raw;
        try {
            raw = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(file.toFile(), Raw.class);
        } catch (IOException e) {
            throw new ConfigException("indicator catalogue " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (raw.triennio() == null || raw.triennio().al() - raw.triennio().dal() < 0) {
            throw new ConfigException(file + ": 'triennio' needs 'dal' and 'al' (e.g. {dal: 2025, al: 2027})");
        }
        Set<String> codes = new HashSet<>();
        for (Indicator i : raw.indicators()) {
            String where = file.getFileName() + ": indicatore " + i.code() + ": ";
            if (i.code() == null || !codes.add(i.code())) throw new ConfigException(where + "code missing or repeated");
            if (i.titolo() == null || i.tipo() == null || i.numeratore() == null) throw new ConfigException(where + "'titolo', 'tipo' and 'numeratore' are required");
            if (i.area() != null && codeLists.has("area_policy") && !codeLists.get("area_policy").contains(i.area())) {
                throw new ConfigException(where + "area '" + i.area() + "' is not in conf/codelists/area_policy.yaml");
            }
            checkSide(where + "numeratore: ", i.numeratore(), codeLists, knownViews);
            if (i.tipo().ratio()) {
                if (i.denominatore() == null) throw new ConfigException(where + "tipo " + i.tipo() + " needs a 'denominatore'");
                checkSide(where + "denominatore: ", i.denominatore(), codeLists, knownViews);
                if (i.perAmbito() && i.denominatore().costante() == null) {
                    throw new ConfigException(where + "per_ambito on a ratio needs a constant denominator (the same for every Ambito)");
                }
            } else if (i.denominatore() != null) {
                throw new ConfigException(where + "tipo conteggio has no 'denominatore'");
            }
            if (i.regole() != null) {
                for (Map.Entry<Integer, String> r : new TreeMap<>(i.regole()).entrySet()) {
                    if (r.getKey() < raw.triennio().dal() || r.getKey() > raw.triennio().al()) {
                        throw new ConfigException(where + "rule for " + r.getKey() + ", outside the triennium " + raw.triennio().dal() + "-" + raw.triennio().al());
                    }
                    try {
                        YearRule.parse(r.getValue());
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(where + r.getKey() + ": " + e.getMessage());
                    }
                }
            }
        }
        return new IndicatorCatalog(raw.triennio(), List.copyOf(raw.indicators()), views);
    }

    private static void checkSide(String where, Side s, CodeLists codeLists, Set<String> knownViews) {
        int kinds = (s.vista() != null ? 1 : 0) + (s.costante() != null ? 1 : 0) + (s.lista() != null ? 1 : 0);
        if (kinds != 1) throw new ConfigException(where + "give exactly one of 'vista' (with 'misura'), 'costante', 'lista'");
        if (s.vista() != null) {
            if (!knownViews.contains(s.vista())) throw new ConfigException(where + "unknown view '" + s.vista() + "' (known: " + new java.util.TreeSet<>(knownViews) + ")");
            if (s.misura() == null || s.misura().isBlank()) throw new ConfigException(where + "'misura' is required with 'vista'");
        }
        if (s.lista() != null && !codeLists.has(s.lista())) throw new ConfigException(where + "unknown code list '" + s.lista() + "'");
    }

    public Indicator get(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }
}
