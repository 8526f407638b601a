package it.cabina.generator;

import java.util.Locale;
import java.util.Map;

/**
 * How the regional AFAM export writes names: upper case, an apostrophe in place of an accent
 * (ISTAT "Cantù" is written {@code CANTU'}), and the places it derives from the comune: CAP, phone prefix,
 * approximate coordinates.
 */
final class RegionalStyle {
    private static final Map<Character, String> ACCENTS = Map.ofEntries(
            Map.entry('à', "a'"), Map.entry('á', "a'"), Map.entry('è', "e'"), Map.entry('é', "e'"),
            Map.entry('ì', "i'"), Map.entry('í', "i'"), Map.entry('ò', "o'"), Map.entry('ó', "o'"),
            Map.entry('ù', "u'"), Map.entry('ú', "u'"), Map.entry('À', "A'"), Map.entry('È', "E'"),
            Map.entry('É', "E'"), Map.entry('Ì', "I'"), Map.entry('Ò', "O'"), Map.entry('Ù', "U'"));
    /** Province: CAP base, phone prefix, approximate centre (latitude, longitude). */
    private static final Map<String, Object[]> PROVINCES = Map.ofEntries(
            Map.entry("VA", new Object[]{21000, "0331", 45.72, 8.78}),
            Map.entry("MI", new Object[]{20000, "02", 45.46, 9.05}),
            Map.entry("MB", new Object[]{20800, "039", 45.62, 9.25}),
            Map.entry("CO", new Object[]{22000, "031", 45.80, 9.08}),
            Map.entry("LC", new Object[]{23800, "0341", 45.85, 9.39}),
            Map.entry("SO", new Object[]{23000, "0342", 46.17, 9.87}),
            Map.entry("BG", new Object[]{24000, "035", 45.70, 9.67}),
            Map.entry("BS", new Object[]{25000, "030", 45.54, 10.22}),
            Map.entry("CR", new Object[]{26000, "0372", 45.14, 10.02}),
            Map.entry("LO", new Object[]{26800, "0371", 45.31, 9.50}),
            Map.entry("PV", new Object[]{27000, "0382", 45.18, 9.16}),
            Map.entry("MN", new Object[]{46000, "0376", 45.16, 10.79}));
    private static final Object[] DEFAULT_PROVINCE = {20000, "02", 45.60, 9.60};

    private RegionalStyle() {}

    /** "Città Metropolitana di Milano" → {@code CITTA' METROPOLITANA DI MILANO}. */
    static String upper(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (char c : s.toCharArray()) {
            String r = ACCENTS.get(c);
            b.append(r != null ? r : String.valueOf(c));
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }

    static String cap(String sigla, String istat) {
        int base = (int) province(sigla)[0];
        return String.format(Locale.ROOT, "%05d", base + Integer.parseInt(istat.substring(3)) % 97);
    }

    static String phonePrefix(String sigla) {
        return (String) province(sigla)[1];
    }

    /** A fixed point near the comune (deterministic from its ISTAT code): latitude, longitude. */
    static double[] comuneCentre(String sigla, String istat) {
        Object[] p = province(sigla);
        Rand r = Rand.derive(0, "comune-centre", istat);
        return new double[]{(double) p[2] + r.between(-0.12, 0.12), (double) p[3] + r.between(-0.15, 0.15)};
    }

    private static Object[] province(String sigla) {
        return PROVINCES.getOrDefault(sigla, DEFAULT_PROVINCE);
    }
}
