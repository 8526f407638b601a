package it.cabina.portal;

/** What a user may see: a territory, written LEVEL:CODE (e.g. AMBITO:AMB-SARONNO, ASST:030711, REGIONE:03). */
public record Scope(Level level, String code) {

    public static Scope parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        Level level = colon < 0 ? null : Level.parse(text.substring(0, colon));
        String code = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (level == null || code.isEmpty()) {
            throw new IllegalArgumentException("ambito di visibilità non valido: '" + text
                    + "' (atteso LIVELLO:CODICE, con LIVELLO tra AMBITO, ASST, ATS, REGIONE)");
        }
        return new Scope(level, code);
    }

    @Override
    public String toString() { return level + ":" + code; }
}
