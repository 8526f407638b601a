package it.cabina.etl.quality;

/** Why a row was set aside: the codes stored in the quarantine table (see conf/rules/README.md). */
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
    COLUMNS("numero di campi diverso dall'intestazione");

    private final String descrizione;

    RuleCode(String descrizione) {
        this.descrizione = descrizione;
    }

    public String descrizione() {
        return descrizione;
    }
}
