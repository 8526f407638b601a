package it.cabina.etl.indicators;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.reference.CodeLists;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
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

    /**
     * One side of the ratio: an aggregate over a view, or a constant, or the size of a code list.
     *
     * @param almeno with a {@code count(distinct x)}: a value of x counts only with at least this many rows in the cell
     *               (a person with two or more discharges)
     */
    public record Side(String vista, String misura, String condizione, Double costante, String lista, Integer almeno) {
        public Side(String vista, String misura, String condizione, Double costante, String lista) {
            this(vista, misura, condizione, costante, lista, null);
        }

        public boolean fromView() {
            return vista != null;
        }
    }

    /**
     * A dated target (indicators.md, "Dated targets"): the indicator is counted on the rows of its views whose
     * {@code campo} falls from {@code dal} to {@code data}, in one cell, the year of {@code data}; it is judged once
     * {@code data} has passed.
     */
    public record Deadline(LocalDate data, LocalDate dal, String campo) {
        public int year() {
            return data.getYear();
        }
    }

    /**
     * The rows of a cell's Ambito and year that lack a field added by a later contract (indicators.md, "Fields added
     * in 1.2"): when there is any, the cell is {@code NON_CALCOLABILE} "dato non trasmesso".
     */
    public record NotTransmitted(String vista, String condizione) {}

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
                            @com.fasterxml.jackson.annotation.JsonProperty("per_ambito") boolean perAmbito,
                            Deadline scadenza,
                            @com.fasterxml.jackson.annotation.JsonProperty("non_trasmesso") NotTransmitted nonTrasmesso,
                            String nota) {

        public YearRule rule(int year) {
            return YearRule.parse(regole == null ? null : regole.get(year));
        }

        /**
         * The views this indicator's sides read, as the engine reads them ({@link #read}): a territory and year with no
         * row in any of them has no data.
         */
        public Set<String> views() {
            Set<String> v = new java.util.LinkedHashSet<>();
            if (numeratore.fromView()) v.add(read(numeratore.vista()));
            if (denominatore != null && denominatore.fromView()) v.add(read(denominatore.vista()));
            return v;
        }

        /** The views of the catalogue this indicator reads (its sides' and its non_trasmesso's), by their own names. */
        public Set<String> sourceViews() {
            Set<String> v = new java.util.LinkedHashSet<>();
            if (numeratore.fromView()) v.add(numeratore.vista());
            if (denominatore != null && denominatore.fromView()) v.add(denominatore.vista());
            if (nonTrasmesso != null) v.add(nonTrasmesso.vista());
            return v;
        }

        /** The view the engine reads for a view of the catalogue: with a deadline, its window ({@link #windowName}). */
        public String read(String vista) {
            return scadenza == null ? vista : windowName(vista, code);
        }

        /** The years this indicator has a cell in: the triennium's, or the year of its deadline. */
        public boolean hasCell(int year) {
            return scadenza == null || scadenza.year() == year;
        }

        /** The cell of {@code year} is still open at the run date: the year, or the deadline, has not passed. */
        public boolean inProgress(int year, LocalDate asOf) {
            return scadenza == null ? year >= asOf.getYear() : !asOf.isAfter(scadenza.data());
        }
    }

    /** The window of a view for an indicator with a deadline: {@code v_progetti_avviati__pip_06}. */
    static String windowName(String vista, String code) {
        return vista + "__" + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
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
            raw = new ObjectMapper(new YAMLFactory()).registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(file.toFile(), Raw.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new ConfigException("indicator catalogue " + file + at + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
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
            if (i.nonTrasmesso() != null) {
                NotTransmitted u = i.nonTrasmesso();
                if (u.vista() == null || u.condizione() == null || u.condizione().isBlank()) {
                    throw new ConfigException(where + "non_trasmesso needs 'vista' and 'condizione' (the rows that lack the field)");
                }
                if (!knownViews.contains(u.vista())) throw new ConfigException(where + "non_trasmesso: unknown view '" + u.vista() + "'");
            }
            if (i.scadenza() != null) {
                Deadline d = i.scadenza();
                if (d.data() == null || d.dal() == null || d.campo() == null) {
                    throw new ConfigException(where + "scadenza needs 'data', 'dal' and 'campo' (e.g. {data: 2026-03-31, dal: 2025-01-01, campo: data_avvio})");
                }
                if (d.dal().isAfter(d.data())) throw new ConfigException(where + "scadenza: 'dal' " + d.dal() + " comes after 'data' " + d.data());
                if (d.year() < raw.triennio().dal() || d.year() > raw.triennio().al()) {
                    throw new ConfigException(where + "scadenza " + d.data() + " is outside the triennium " + raw.triennio().dal() + "-" + raw.triennio().al());
                }
                for (String v : i.sourceViews()) {
                    if (!views.get(v).columns().contains(d.campo())) {
                        throw new ConfigException(where + "scadenza: view " + v + " has no column '" + d.campo() + "'");
                    }
                }
            }
            if (i.regole() != null) {
                for (Map.Entry<Integer, String> r : new TreeMap<>(i.regole()).entrySet()) {
                    if (r.getKey() < raw.triennio().dal() || r.getKey() > raw.triennio().al()) {
                        throw new ConfigException(where + "rule for " + r.getKey() + ", outside the triennium " + raw.triennio().dal() + "-" + raw.triennio().al());
                    }
                    if (!i.hasCell(r.getKey())) {
                        throw new ConfigException(where + "rule for " + r.getKey() + ", but with a scadenza the only cell is " + i.scadenza().year());
                    }
                    try {
                        YearRule.parse(r.getValue());
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(where + r.getKey() + ": " + e.getMessage());
                    }
                }
            }
        }
        return new IndicatorCatalog(raw.triennio(), List.copyOf(raw.indicators()), views.plus(windows(raw.indicators(), views)));
    }

    /** The windows of the views read by the indicators with a deadline: their rows in the window, in its one year. */
    private static List<IndicatorView> windows(List<Indicator> indicators, IndicatorViews views) {
        List<IndicatorView> out = new java.util.ArrayList<>();
        for (Indicator i : indicators) {
            if (i.scadenza() == null) continue;
            for (String v : i.sourceViews()) out.add(views.get(v).window(windowName(v, i.code()), i.scadenza()));
        }
        return out;
    }

    private static void checkSide(String where, Side s, CodeLists codeLists, Set<String> knownViews) {
        int kinds = (s.vista() != null ? 1 : 0) + (s.costante() != null ? 1 : 0) + (s.lista() != null ? 1 : 0);
        if (kinds != 1) throw new ConfigException(where + "give exactly one of 'vista' (with 'misura'), 'costante', 'lista'");
        if (s.vista() != null) {
            if (!knownViews.contains(s.vista())) throw new ConfigException(where + "unknown view '" + s.vista() + "' (known: " + new java.util.TreeSet<>(knownViews) + ")");
            if (s.misura() == null || s.misura().isBlank()) throw new ConfigException(where + "'misura' is required with 'vista'");
        }
        if (s.lista() != null && !codeLists.has(s.lista())) throw new ConfigException(where + "unknown code list '" + s.lista() + "'");
        if (s.almeno() != null) {
            var call = AggregateCall.parse(s.misura() == null ? "" : s.misura());
            if (call.isEmpty() || !call.get().distinct() || !call.get().function().equals("count") || call.get().zeroIfNull()) {
                throw new ConfigException(where + "'almeno' counts distinct values: it needs a 'misura' count(distinct x)");
            }
            if (s.almeno() < 1) throw new ConfigException(where + "'almeno' must be 1 or more");
        }
    }

    public Indicator get(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }
}
