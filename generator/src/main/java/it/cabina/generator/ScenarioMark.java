package it.cabina.generator;

/** A versioning scenario noted while generating, named in the summary once its delivery id is known. */
record ScenarioMark(String kind, CsiVersion version, String expected) {
    static final String CORRECTION = "CORRECTION";
    static final String STALE_RESEND = "STALE_RESEND";
    static final String TIE = "TIE";
    static final String WITHDRAWAL = "WITHDRAWAL";
}
