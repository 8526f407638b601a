package it.cabina.etl.sources.afam;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.reference.Territory;

import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the ISTAT code of the comune of an AFAM unit from {@code COMUNE_DI_UBICAZIONE} and {@code PROV}.
 *
 * <p>Order of look-up:
 * <ol>
 *   <li>{@link How#EXACT}: the key {@code ComuneNames.key(name, prov)} of an ISTAT comune;</li>
 *   <li>{@link How#ALIAS}: the same key of a row of the alias list ({@code conf/territory/comuni_alias.csv}:
 *       {@code nome_afam;sigla_provincia;codice_istat;nota}), for spellings that differ from ISTAT in more than
 *       accents and punctuation;</li>
 *   <li>{@link How#NAME_ONLY}: PROV missing or not the comune's, but the name (ISTAT or alias) identifies a single
 *       comune of the whole reference. A name shared by comuni of two provinces is then left unresolved: PROV decides.</li>
 * </ol>
 * The matcher holds only strings and is {@link Serializable}, so a Spark job can broadcast it or its maps:
 * join on {@link #keys()} ({@code NAME|PROV}) first, then on {@link #nameKeys()} ({@code NAME}).
 */
public final class ComuneMatcher implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The alias list, beside the comuni file. */
    public static final String ALIAS_FILE = "comuni_alias.csv";

    public enum How { EXACT, ALIAS, NAME_ONLY }

    /** A resolved comune and how it was found. */
    public record Match(String codiceIstat, How how) implements Serializable {}

    /** A row of the alias list. */
    public record Alias(String nomeAfam, String siglaProvincia, String codiceIstat, String nota) implements Serializable {}

    private final Map<String, String> exact;   // NAME|PROV -> ISTAT, from ISTAT names
    private final Map<String, String> alias;   // NAME|PROV -> ISTAT, from the alias list
    private final Map<String, String> names;   // NAME -> ISTAT, names that identify one comune

    private ComuneMatcher(Map<String, String> exact, Map<String, String> alias, Map<String, String> names) {
        this.exact = exact;
        this.alias = alias;
        this.names = names;
    }

    /** A matcher on the ISTAT names of the territory, without aliases. */
    public static ComuneMatcher of(Territory territory) {
        return of(territory, List.of());
    }

    /** A matcher on the ISTAT names of the territory and the given aliases (each must name a comune of the territory). */
    public static ComuneMatcher of(Territory territory, List<Alias> aliases) {
        Map<String, String> exact = new HashMap<>();
        Map<String, Set<String>> byName = new HashMap<>();
        for (Territory.Comune c : territory.comuni()) {
            String key = ComuneNames.key(c.denominazione(), c.siglaProvincia());
            String previous = exact.put(key, c.codiceIstat());
            if (previous != null && !previous.equals(c.codiceIstat())) {
                throw new ConfigException("comuni " + previous + " and " + c.codiceIstat() + " have the same name key '" + key + "'");
            }
            byName.computeIfAbsent(ComuneNames.normalize(c.denominazione()), k -> new HashSet<>()).add(c.codiceIstat());
        }
        Map<String, String> aliasKeys = new HashMap<>();
        for (Alias a : aliases) {
            if (territory.comune(a.codiceIstat()) == null) {
                throw new ConfigException(ALIAS_FILE + ": alias '" + a.nomeAfam() + "' names unknown comune '" + a.codiceIstat() + "'");
            }
            String key = ComuneNames.key(a.nomeAfam(), a.siglaProvincia());
            String istat = exact.get(key);
            if (istat != null && !istat.equals(a.codiceIstat())) {
                throw new ConfigException(ALIAS_FILE + ": alias '" + a.nomeAfam() + "' (" + a.siglaProvincia()
                        + ") would hide comune " + istat + " '" + territory.comune(istat).denominazione() + "'");
            }
            if (istat == null) {
                String previous = aliasKeys.put(key, a.codiceIstat());
                if (previous != null && !previous.equals(a.codiceIstat())) {
                    throw new ConfigException(ALIAS_FILE + ": alias '" + a.nomeAfam() + "' (" + a.siglaProvincia()
                            + ") names both " + previous + " and " + a.codiceIstat());
                }
                byName.computeIfAbsent(ComuneNames.normalize(a.nomeAfam()), k -> new HashSet<>()).add(a.codiceIstat());
            }
        }
        Map<String, String> names = new HashMap<>();
        byName.forEach((name, codes) -> {
            if (codes.size() == 1) names.put(name, codes.iterator().next());
        });
        return new ComuneMatcher(exact, aliasKeys, names);
    }

    /** The territory of the configuration and the alias list beside its comuni file (if present). */
    public static ComuneMatcher load(CabinaConfig config) {
        Territory territory = Territory.load(config.comuniFile(), config.atsAsstFile(), config.ambitiFile(), config.regionCode());
        return of(territory, readAliases(config.comuniFile().resolveSibling(ALIAS_FILE)));
    }

    /** The rows of an alias list ({@code nome_afam;sigla_provincia;codice_istat;nota}); empty if the file is absent. */
    public static List<Alias> readAliases(Path file) {
        List<Alias> list = new ArrayList<>();
        for (Map<String, String> r : AliasFiles.read(file, List.of("nome_afam", "sigla_provincia", "codice_istat"))) {
            list.add(new Alias(r.get("nome_afam").trim(), r.get("sigla_provincia").trim(), r.get("codice_istat").trim(),
                    r.getOrDefault("nota", "").trim()));
        }
        return list;
    }

    /** The ISTAT code of the comune, or null when it cannot be told. */
    public String match(String comune, String prov) {
        Match m = resolve(comune, prov);
        return m == null ? null : m.codiceIstat();
    }

    /** The ISTAT code and how it was found, or null. */
    public Match resolve(String comune, String prov) {
        String name = ComuneNames.normalize(comune);
        if (name.isEmpty()) return null;
        String key = name + "|" + ComuneNames.province(prov);
        String code = exact.get(key);
        if (code != null) return new Match(code, How.EXACT);
        code = alias.get(key);
        if (code != null) return new Match(code, How.ALIAS);
        code = names.get(name);
        return code == null ? null : new Match(code, How.NAME_ONLY);
    }

    /** {@code ComuneNames.key(name, prov)} → ISTAT code, for ISTAT names and aliases (sorted, unmodifiable). */
    public Map<String, String> keys() {
        Map<String, String> all = new TreeMap<>(exact);
        all.putAll(alias);
        return Collections.unmodifiableMap(all);
    }

    /** {@code ComuneNames.normalize(name)} → ISTAT code, for names that identify one comune of the reference. */
    public Map<String, String> nameKeys() {
        return Collections.unmodifiableMap(new TreeMap<>(names));
    }
}
