package it.cabina.etl.sources.afam;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.reference.Territory;

import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the reference Ambito that an AFAM {@code AMBITO} name designates, or says that the reference does not list it.
 *
 * <p>Order of look-up; at each step the candidates are the reference Ambiti whose name (or the words of their code
 * after {@code AMB-}) gives the same key. One candidate is the answer; two or more leave the name unresolved (null):
 * two different reference Ambiti are never matched to the same AFAM name.
 * <ol>
 *   <li>the alias list ({@code conf/territory/ambiti_alias.csv}: {@code nome_afam;codice_ambito;nota}), for AFAM names
 *       that are not the reference name (e.g. {@code ABBIATEGRASSO} for the Ambito named Abbiatense);</li>
 *   <li>the whole name, district number included ({@link AmbitoNames#normalizeWithNumber});</li>
 *   <li>the name without its trailing district number ({@link AmbitoNames#normalize}), when the two numbers
 *       (if both are given) agree;</li>
 *   <li>for a name in several parts ({@code GARDA - SALO' - 11}), each part against the reference names.</li>
 * </ol>
 * A name that none of these resolves is an Ambito the reference does not list: {@link #registeredCode} gives it a
 * stable code, under which the loader registers it with the ASST and ATS the unit declares.
 */
public final class AmbitoMatcher implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The alias list, beside the Ambiti file. */
    public static final String ALIAS_FILE = "ambiti_alias.csv";
    /** Prefix of the codes of Ambiti registered from AFAM names. */
    public static final String REGISTERED_PREFIX = "AMB-AFAM-";

    /** A row of the alias list. */
    public record Alias(String nomeAfam, String codiceAmbito, String nota) implements Serializable {}

    /** One name of a reference Ambito, as keys. */
    private record RefName(String code, String base, Integer number) implements Serializable {}

    private final Map<String, String> aliases;   // normalizeWithNumber(AFAM name) -> reference code
    private final List<RefName> refNames;

    private AmbitoMatcher(Map<String, String> aliases, List<RefName> refNames) {
        this.aliases = aliases;
        this.refNames = refNames;
    }

    /** A matcher on the Ambiti of the territory, without aliases. */
    public static AmbitoMatcher of(Territory territory) {
        return of(territory, List.of());
    }

    /** A matcher on the Ambiti of the territory and the given aliases (each must name an Ambito of the territory). */
    public static AmbitoMatcher of(Territory territory, List<Alias> aliases) {
        List<RefName> refs = new ArrayList<>();
        for (Territory.Ambito a : territory.ambiti()) {
            addName(refs, a.codice(), a.denominazione());
            String words = a.codice().startsWith("AMB-") ? a.codice().substring(4) : a.codice();
            addName(refs, a.codice(), words);
        }
        Map<String, String> aliasMap = new HashMap<>();
        for (Alias al : aliases) {
            if (territory.ambito(al.codiceAmbito()) == null) {
                throw new ConfigException(ALIAS_FILE + ": alias '" + al.nomeAfam() + "' names unknown Ambito '" + al.codiceAmbito() + "'");
            }
            String key = AmbitoNames.normalizeWithNumber(al.nomeAfam());
            if (key.isEmpty()) throw new ConfigException(ALIAS_FILE + ": an alias has no name");
            String previous = aliasMap.put(key, al.codiceAmbito());
            if (previous != null && !previous.equals(al.codiceAmbito())) {
                throw new ConfigException(ALIAS_FILE + ": alias '" + al.nomeAfam() + "' names both " + previous + " and " + al.codiceAmbito());
            }
        }
        return new AmbitoMatcher(aliasMap, List.copyOf(refs));
    }

    private static void addName(List<RefName> refs, String code, String name) {
        String base = AmbitoNames.normalize(name);
        if (base.isEmpty()) return;
        RefName r = new RefName(code, base, AmbitoNames.districtNumber(name));
        if (!refs.contains(r)) refs.add(r);
    }

    /** The territory of the configuration and the alias list beside its Ambiti file (if present). */
    public static AmbitoMatcher load(CabinaConfig config) {
        Territory territory = Territory.load(config.comuniFile(), config.atsAsstFile(), config.ambitiFile(), config.regionCode());
        return of(territory, readAliases(config.ambitiFile().resolveSibling(ALIAS_FILE)));
    }

    /** The rows of an alias list ({@code nome_afam;codice_ambito;nota}); empty if the file is absent. */
    public static List<Alias> readAliases(Path file) {
        List<Alias> list = new ArrayList<>();
        for (Map<String, String> r : AliasFiles.read(file, List.of("nome_afam", "codice_ambito"))) {
            list.add(new Alias(r.get("nome_afam").trim(), r.get("codice_ambito").trim(), r.getOrDefault("nota", "").trim()));
        }
        return list;
    }

    /** The code of the reference Ambito that the AFAM name designates, or null (not listed, or not told apart). */
    public String match(String afamName) {
        String full = AmbitoNames.normalizeWithNumber(afamName);
        if (full.isEmpty()) return null;
        String alias = aliases.get(full);
        if (alias != null) return alias;

        String base = AmbitoNames.normalize(afamName);
        Integer number = AmbitoNames.districtNumber(afamName);

        Set<String> c = new TreeSet<>();
        for (RefName r : refNames) {
            if (r.base().equals(base) && Objects.equals(r.number(), number)) c.add(r.code());
        }
        if (!c.isEmpty()) return single(c);

        for (RefName r : refNames) {
            if (r.base().equals(base) && (r.number() == null || number == null || r.number().equals(number))) c.add(r.code());
        }
        if (!c.isEmpty()) return single(c);

        List<String> parts = AmbitoNames.parts(afamName);
        if (parts.size() > 1) {
            for (RefName r : refNames) {
                if (parts.contains(r.base()) && (r.number() == null || number == null || r.number().equals(number))) c.add(r.code());
            }
            if (!c.isEmpty()) return single(c);
        }
        return null;
    }

    /** The reference code if the name is matched, else its {@link #registeredCode}. */
    public String resolve(String afamName) {
        String code = match(afamName);
        return code != null ? code : registeredCode(afamName);
    }

    /** Each distinct name with {@link #resolve}, in the order given (for a run report or a small broadcast map). */
    public Map<String, String> resolveAll(Iterable<String> afamNames) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : afamNames) {
            if (n != null && !out.containsKey(n)) out.put(n, resolve(n));
        }
        return out;
    }

    /**
     * The code of an Ambito registered from its AFAM name: {@code AMB-AFAM-} and the name's words, district number
     * included, upper-case ASCII joined by hyphens ({@code MILANO CITTA'} → {@code AMB-AFAM-MILANO-CITTA},
     * {@code GARDA - SALO' - 11} → {@code AMB-AFAM-GARDA-SALO-11}). The same name always gives the same code;
     * names that differ only in case, accents, apostrophes or punctuation give the same code. Null for a blank name.
     */
    public static String registeredCode(String afamName) {
        String slug = AmbitoNames.slug(afamName);
        return slug.isEmpty() ? null : REGISTERED_PREFIX + slug;
    }

    private static String single(Set<String> candidates) {
        return candidates.size() == 1 ? candidates.iterator().next() : null;
    }
}
