package it.cabina.warehouse.quality;

/**
 * Why a row was set aside (the codes stored in the quarantine table), or why a loaded row carries a warning (the codes
 * stored in the warnings table); see conf/rules/README.md. The synthetic-data generator injects one defect per rule
 * that sets a row aside, with these same codes.
 */
public enum RuleCode {
    /** A required field is empty. */
    REQUIRED("campo obbligatorio mancante"),
    /** A date, timestamp or number that does not parse in the source's format. */
    FORMAT("formato non valido"),
    /** A value outside its code list. */
    CODE("valore non previsto dalla lista di codici"),
    /** A malformed tax code (length, characters or check character). */
    TAX_CODE("codice fiscale non valido"),
    /** A birth date in the future. */
    FUTURE_DATE("data nel futuro"),
    /** An age above 120. */
    AGE_RANGE("età fuori dai limiti"),
    /** An ISTAT comune code that the territory reference does not know. */
    UNKNOWN_COMUNE("comune ISTAT sconosciuto"),
    /** {@code codice_ambito} differs from the delivery's sender. */
    SENDER_MISMATCH("Ambito diverso dal mittente"),
    /** Two dates in the wrong order (also across records: an assessment before its case opened). */
    DATE_ORDER("data precedente a quella da cui dipende"),
    /** A field required by another one is empty (a closed case without {@code motivo_chiusura}). */
    REQUIRED_IF("campo obbligatorio in questo caso"),
    /** An {@code id_*} that names no record of the sender. */
    UNKNOWN_REFERENCE("riferimento a un record inesistente"),
    /** A number outside its range (negative count or duration, quantity not above zero). */
    RANGE("valore fuori intervallo"),
    /** FLUSSO {@code anno}/{@code semestre}/{@code mese} outside the manifest's semester. */
    PERIOD("fuori dal periodo della consegna"),
    /**
     * A money or quantity field with more digits than its type holds exactly (money: 16 integer digits and 2 decimals,
     * quantity: 14 and 4; zeros after the last decimal do not count): set aside rather than rounded or truncated.
     */
    PRECISION("numero con più cifre di quante il campo ne ammette (importi: 2 decimali, quantità: 4): non arrotondato"),
    /** A field given where it is not allowed ({@code obiettivo_raggiunto} of a non post-assessment). */
    NOT_ALLOWED("campo non ammesso in questo caso"),
    /** A value above the field that bounds it ({@code quota_utente} greater than {@code spesa_totale}). */
    EXCEEDS_FIELD("valore superiore al campo di riferimento"),
    /** A row with the wrong number of fields. */
    COLUMNS("numero di campi diverso dall'intestazione"),
    /** Warning: a six-digit comune that the territory reference does not list (outside the region); the row loads. */
    FUORI_REGIONE("comune fuori dal riferimento territoriale (fuori regione): riga caricata", true),
    /** Warning: a unit code (FLUSSO {@code codice_udo}) that AFAM does not list; the row loads. */
    UNKNOWN_UNIT("unità d'offerta non presente in AFAM: riga caricata", true);

    private final String descrizione;
    private final boolean warning;

    RuleCode(String descrizione) {
        this(descrizione, false);
    }

    RuleCode(String descrizione, boolean warning) {
        this.descrizione = descrizione;
        this.warning = warning;
    }

    /** A warning: the row loads, the problem is recorded in the warnings table. */
    public boolean warning() {
        return warning;
    }

    public String descrizione() {
        return descrizione;
    }
}
