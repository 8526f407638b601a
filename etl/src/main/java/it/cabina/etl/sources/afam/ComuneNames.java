package it.cabina.etl.sources.afam;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Comparison keys for comune names, so that the spelling of the AFAM export and the ISTAT name give the same key.
 *
 * <p>The AFAM export writes names upper-case in plain ASCII, with an apostrophe standing for a final accent
 * ({@code BARZANO'} for Barzanò, {@code CANTU'} for Cantù) and plain apostrophes for elisions
 * ({@code SANNAZZARO DE' BURGONDI}, {@code PADERNO D'ADDA}, {@code PALAZZOLO SULL'OGLIO}); ISTAT writes them in mixed
 * case with real accents ({@code Cantù}, {@code Sannazzaro de' Burgondi}). The key is:
 * <ol>
 *   <li>accents removed (Unicode decomposition, combining marks dropped) and typographic apostrophes
 *       ({@code ’ ‘ ` ´ ʼ}) read as {@code '};</li>
 *   <li>upper case;</li>
 *   <li>every character other than A–Z and 0–9 (apostrophes, hyphens, dots, quotes, slashes…) read as a space;</li>
 *   <li>runs of spaces collapsed, ends trimmed.</li>
 * </ol>
 * An apostrophe right after a vowel at the end of a word is therefore the accent of that vowel
 * ({@code BARZANO'} and {@code Barzanò} both give {@code BARZANO}); any other apostrophe or hyphen separates words
 * ({@code SANT'ANGELO LODIGIANO} and {@code Sant'Angelo Lodigiano} give {@code SANT ANGELO LODIGIANO};
 * {@code LAVENO-MOMBELLO} and {@code LAVENO MOMBELLO} give {@code LAVENO MOMBELLO};
 * {@code CA' D'ANDREA} gives {@code CA D ANDREA}). No two of the 1,502 Lombardy comuni of ISTAT 2024 share a key.
 * Abbreviations ({@code S.} for San, Santo, Santa or Sant') are not expanded: they are ambiguous, and real cases go
 * to the alias list {@code conf/territory/comuni_alias.csv}.
 */
public final class ComuneNames {
    private ComuneNames() {}

    /** The comparison key of a comune name; {@code ""} for null or blank. */
    public static String normalize(String name) {
        if (name == null) return "";
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue; // accent of the previous letter
            char u = Character.toUpperCase(c);
            if ((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')) {
                if (pendingSpace && out.length() > 0) out.append(' ');
                pendingSpace = false;
                out.append(u);
            } else if (Character.isLetter(u)) {
                // a letter with no ASCII decomposition (e.g. 'ß', 'Ø'): keep it, upper-cased
                if (pendingSpace && out.length() > 0) out.append(' ');
                pendingSpace = false;
                out.append(String.valueOf(c).toUpperCase(Locale.ROOT));
            } else {
                pendingSpace = true; // apostrophe, hyphen, dot, quote, space, …
            }
        }
        return out.toString();
    }

    /** The upper-case sigla of a province, trimmed; {@code ""} for null. */
    public static String province(String prov) {
        return prov == null ? "" : prov.trim().toUpperCase(Locale.ROOT);
    }

    /** The lookup key of a comune in a province: {@code normalize(name) + "|" + province(prov)}. */
    public static String key(String name, String prov) {
        return normalize(name) + "|" + province(prov);
    }
}
