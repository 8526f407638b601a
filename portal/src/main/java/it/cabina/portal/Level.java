package it.cabina.portal;

import java.util.Locale;

/** The territorial levels of a report, from the smallest to the whole region. */
public enum Level {
    AMBITO("Ambito"), ASST("ASST"), ATS("ATS"), REGIONE("Regione");

    private final String label;

    Level(String label) { this.label = label; }

    /** The Italian name shown to users. */
    public String label() { return label; }

    /** The level named by text (any case), or null when there is none. */
    public static Level parse(String text) {
        if (text == null) return null;
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
