package it.cabina.warehouse.quality;

/**
 * Why a row was set aside (the codes stored in the quarantine table), or why a loaded row carries a warning (the codes
 * stored in the warnings table); see conf/rules/README.md.
 */
public enum RuleCode {
    REQUIRED("campo obbligatorio mancante"),
    FORMAT("formato non valido"),
    CODE("valore non previsto dalla lista di codici"),
    TAX_CODE("codice fiscale non valido"),
    FUTURE_DATE("data nel futuro"),
    AGE_RANGE("età fuori dai limiti"),
    UNKNOWN_COMUNE("comune ISTAT sconosciuto"),
    SENDER_MISMATCH("Ambito diverso dal mittente"),
    DATE_ORDER("data precedente a quella da cui dipende"),
    REQUIRED_IF("campo obbligatorio in questo caso"),
    UNKNOWN_REFERENCE("riferimento a un record inesistente"),
    RANGE("valore fuori intervallo"),
    PERIOD("fuori dal periodo della consegna"),
    NOT_ALLOWED("campo non ammesso in questo caso"),
    EXCEEDS_FIELD("valore superiore al campo di riferimento"),
    COLUMNS("numero di campi diverso dall'intestazione"),
    FUORI_REGIONE("comune fuori dal riferimento territoriale (fuori regione): riga caricata", true),
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
