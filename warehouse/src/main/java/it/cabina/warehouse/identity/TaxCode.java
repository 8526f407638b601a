package it.cabina.warehouse.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Italian tax code (codice fiscale) of a person: 16 characters, the last a check character.
 * Digits of the date and comune parts may be replaced by letters (omocodia: L M N P Q R S T U V for 0-9).
 * Here in the warehouse module so that the loader's row rules and pseudonymiser (etl) and the synthetic-data
 * generator share one check.
 */
public final class TaxCode {
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]");
    /** Values of characters in odd positions (1st, 3rd, …) for 0-9 then A-Z. */
    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    /** Why a code is refused. */
    public enum Problem { LENGTH, CHARACTERS, CHECK_CHARACTER }

    private TaxCode() {}

    /** The form that is checked and pseudonymised: trimmed and upper-cased. */
    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /** null when the (normalized) code is valid, otherwise what is wrong with it. */
    public static Problem problem(String code) {
        String c = normalize(code);
        if (c == null || c.length() != 16) return Problem.LENGTH;
        if (!SHAPE.matcher(c).matches()) return Problem.CHARACTERS;
        return checkCharacter(c.substring(0, 15)) == c.charAt(15) ? null : Problem.CHECK_CHARACTER;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** The check character of the first 15 characters (upper-case letters and digits). */
    public static char checkCharacter(String first15) {
        if (first15.length() != 15) throw new IllegalArgumentException("15 characters expected");
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char ch = first15.charAt(i);
            int idx = Character.isDigit(ch) ? ch - '0' : 10 + (ch - 'A');
            if (idx < 0 || idx > 35) throw new IllegalArgumentException("not a tax-code character: " + ch);
            // position i+1 is odd when i is even
            sum += (i % 2 == 0) ? ODD[idx] : (Character.isDigit(ch) ? ch - '0' : ch - 'A');
        }
        return (char) ('A' + sum % 26);
    }
}
