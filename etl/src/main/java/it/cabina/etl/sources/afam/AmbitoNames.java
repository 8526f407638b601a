package it.cabina.etl.sources.afam;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comparison keys for Ambito names, as the AFAM export writes them in {@code AMBITO} and as the territory reference
 * names its Ambiti.
 *
 * <p>The export names an Ambito, not by code, in upper-case ASCII: {@code MILANO CITTA'}, {@code ALTO MILANESE},
 * {@code VOGHERA E COMUNITA' MONTANA OLTREPO' PAVESE}, {@code LOMAZZO - FINO MORNASCO}; the twelve Ambiti of the
 * ATS of Brescia carry their district number after a hyphen: {@code BRESCIA - 1}, {@code BRESCIA OVEST - 2},
 * {@code GARDA - SALO' - 11}. Keys follow {@link ComuneNames#normalize} (accents and apostrophes, punctuation read
 * as spaces, upper case); a leading {@code AMBITO [TERRITORIALE|DISTRETTUALE] [DI|DEL|…]} is dropped.
 */
public final class AmbitoNames {
    private AmbitoNames() {}

    /** A trailing district number after a hyphen: {@code " - 11"}, {@code "- 1"}, {@code "-3"}. */
    private static final Pattern DISTRICT = Pattern.compile("\\s*-\\s*(\\d{1,3})\\s*$");
    /** A hyphen with a space on at least one side separates parts ({@code GARDA - SALO'}); {@code LAVENO-MOMBELLO} is one word. */
    private static final Pattern PART_SEPARATOR = Pattern.compile("\\s+-\\s*|\\s*-\\s+");
    private static final Pattern AMBITO_PREFIX =
            Pattern.compile("^AMBITO( TERRITORIALE| DISTRETTUALE)?( (DI|DEL|DELLO|DELLA|DELL|DEI|DEGLI|DELLE))? (?=\\S)");

    /**
     * The key of the name without its trailing district number: {@code "GARDA - SALO' - 11"} → {@code "GARDA SALO"},
     * {@code "MILANO CITTA'"} → {@code "MILANO CITTA"}, {@code "Sud Est Milano"} → {@code "SUD EST MILANO"};
     * {@code ""} for null or blank.
     */
    public static String normalize(String name) {
        return key(stripDistrict(name));
    }

    /** The key of the whole name, district number included: {@code "GARDA - SALO' - 11"} → {@code "GARDA SALO 11"}. */
    public static String normalizeWithNumber(String name) {
        if (name == null) return "";
        Integer n = districtNumber(name);
        String base = normalize(name);
        return n == null ? base : (base.isEmpty() ? String.valueOf(n) : base + " " + n);
    }

    /** The trailing district number ({@code "BRESCIA - 1"} → 1), or null. */
    public static Integer districtNumber(String name) {
        if (name == null) return null;
        Matcher m = DISTRICT.matcher(name);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * The keys of the hyphen-separated parts of the name, district number removed:
     * {@code "GARDA - SALO' - 11"} → {@code [GARDA, SALO]}, {@code "LOMAZZO - FINO MORNASCO"} → {@code [LOMAZZO, FINO MORNASCO]},
     * {@code "ALTO MILANESE"} → {@code [ALTO MILANESE]}.
     */
    public static List<String> parts(String name) {
        List<String> out = new ArrayList<>();
        String s = stripDistrict(name);
        if (s == null) return out;
        for (String p : PART_SEPARATOR.split(s)) {
            String k = key(p);
            if (!k.isEmpty() && !out.contains(k)) out.add(k);
        }
        return out;
    }

    /**
     * {@link #normalizeWithNumber} in upper-case ASCII letters and digits joined by hyphens:
     * {@code "MILANO CITTA'"} → {@code "MILANO-CITTA"}, {@code "BRESCIA - 1"} → {@code "BRESCIA-1"}.
     */
    public static String slug(String name) {
        return normalizeWithNumber(name).replaceAll("[^A-Z0-9 ]", "").trim().replaceAll(" +", "-");
    }

    private static String stripDistrict(String name) {
        if (name == null) return null;
        return DISTRICT.matcher(name).replaceFirst("");
    }

    private static String key(String s) {
        String k = ComuneNames.normalize(s);
        return AMBITO_PREFIX.matcher(k).replaceFirst("");
    }
}
