package it.cabina.generator;

import it.cabina.warehouse.identity.TaxCode;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Creates persons with plausible, valid and unique tax codes: surname and name letters, birth year, month letter,
 * day (+40 for women), the Belfiore code of the birth place (a Lombard comune of the reference, another Italian
 * city, or a foreign country) and the check character of {@link TaxCode}. Collisions fall back to omocodia.
 */
final class PersonFactory {
    private static final String MONTHS = "ABCDEHLMPRST";
    private static final String OMOCODIA = "LMNPQRSTUV";
    private static final int[] OMOCODIA_POSITIONS = {14, 13, 12, 10, 9, 7, 6};
    /** Roma, Napoli, Palermo, Torino, Bari, Catania. */
    private static final List<String> OTHER_ITALIAN = List.of("H501", "F839", "G273", "L219", "A662", "C351");
    /** Romania, Poland, Germany, France, Spain, Bulgaria. */
    private static final List<String> EU_COUNTRIES = List.of("Z129", "Z127", "Z112", "Z110", "Z131", "Z104");
    /** Albania, Morocco, Egypt, China, India, Peru, Ecuador, Ukraine, Senegal. */
    private static final List<String> NON_EU_COUNTRIES =
            List.of("Z100", "Z330", "Z336", "Z210", "Z222", "Z611", "Z605", "Z138", "Z343");

    private final List<String> lombardBelfiore;
    private final Set<String> used = new HashSet<>();

    PersonFactory(List<String> lombardBelfiore) {
        if (lombardBelfiore.isEmpty()) throw new IllegalArgumentException("no Belfiore codes in the comuni reference");
        this.lombardBelfiore = lombardBelfiore;
    }

    /** A new person born in [bornFrom, bornTo]; the citizenship is drawn when null. */
    Person create(Rand r, LocalDate bornFrom, LocalDate bornTo, String cittadinanza) {
        String citt = cittadinanza != null ? cittadinanza
                : r.weighted(List.of("ITA", "UE", "EXTRA_UE"), new double[]{84, 5, 11});
        String sesso = r.chance(0.52) ? "F" : "M";
        LocalDate birth = r.date(bornFrom, bornTo);
        boolean foreign = !citt.equals("ITA");
        String place = switch (citt) {
            case "UE" -> r.pick(EU_COUNTRIES);
            case "EXTRA_UE" -> birth.isAfter(LocalDate.of(2005, 1, 1)) && r.chance(0.6)
                    ? r.pick(lombardBelfiore) : r.pick(NON_EU_COUNTRIES);
            default -> r.chance(0.85) ? r.pick(lombardBelfiore) : r.pick(OTHER_ITALIAN);
        };
        String code = null;
        for (int attempt = 0; attempt < 20 && code == null; attempt++) {
            String surname = r.pick(foreign ? Names.FOREIGN_SURNAMES : Names.SURNAMES);
            String name = r.pick(sesso.equals("F") ? (foreign ? Names.FOREIGN_FEMALE : Names.FEMALE)
                    : (foreign ? Names.FOREIGN_MALE : Names.MALE));
            String candidate = build(surname, name, sesso, birth, place);
            if (used.add(candidate)) code = candidate;
        }
        if (code == null) code = omocodia(build(r.pick(Names.SURNAMES), r.pick(Names.MALE), sesso, birth, place));
        return new Person(code, sesso, birth, citt);
    }

    /** The 16-character tax code of these data (not registered as used). */
    static String build(String surname, String name, String sesso, LocalDate birth, String belfiore) {
        String first15 = surnameCode(surname) + nameCode(name)
                + String.format(Locale.ROOT, "%02d", birth.getYear() % 100)
                + MONTHS.charAt(birth.getMonthValue() - 1)
                + String.format(Locale.ROOT, "%02d", birth.getDayOfMonth() + (sesso.equals("F") ? 40 : 0))
                + belfiore;
        return first15 + TaxCode.checkCharacter(first15);
    }

    private String omocodia(String code) {
        char[] c = code.toCharArray();
        for (int pos : OMOCODIA_POSITIONS) {
            c[pos] = OMOCODIA.charAt(c[pos] - '0');
            String candidate = new String(c, 0, 15) + TaxCode.checkCharacter(new String(c, 0, 15));
            if (used.add(candidate)) return candidate;
        }
        throw new IllegalStateException("cannot make a unique tax code from " + code);
    }

    private static String surnameCode(String surname) {
        String s = letters(surname);
        return (consonants(s) + vowels(s) + "XXX").substring(0, 3);
    }

    private static String nameCode(String name) {
        String s = letters(name);
        String cons = consonants(s);
        if (cons.length() >= 4) return "" + cons.charAt(0) + cons.charAt(2) + cons.charAt(3);
        return (cons + vowels(s) + "XXX").substring(0, 3);
    }

    private static String letters(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    private static String consonants(String s) {
        return s.replaceAll("[AEIOU]", "");
    }

    private static String vowels(String s) {
        return s.replaceAll("[^AEIOU]", "");
    }
}
