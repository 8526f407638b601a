package it.cabina.reports;

import java.util.Locale;

public enum Format {
    PDF, XLSX;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Format of(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("formato '" + s + "' sconosciuto: pdf o xlsx");
        }
    }
}
