package it.cabina.generator;

/**
 * The row rules of extracts.md that a generated defect breaks; the warehouse reports the same codes when it sets a
 * row aside.
 */
public enum DefectRule {
    /** A required field is empty. */
    REQUIRED,
    /** A date, timestamp or number that does not parse in the source's format. */
    FORMAT,
    /** A value outside its code list. */
    CODE,
    /** A malformed tax code (length, characters or check character). */
    TAX_CODE,
    /** A birth date in the future. */
    FUTURE_DATE,
    /** An age above 120. */
    AGE_RANGE,
    /** An ISTAT comune code that the territory reference does not know. */
    UNKNOWN_COMUNE,
    /** {@code codice_ambito} differs from the delivery's sender. */
    SENDER_MISMATCH,
    /** Two dates in the wrong order (also across records: an assessment before its case opened). */
    DATE_ORDER,
    /** A field required by another one is empty (a closed case without {@code motivo_chiusura}). */
    REQUIRED_IF,
    /** An {@code id_*} that names no record of the sender. */
    UNKNOWN_REFERENCE,
    /** A number outside its range (negative count or duration, quantity not above zero). */
    RANGE,
    /** FLUSSO {@code anno}/{@code semestre}/{@code mese} outside the manifest's semester. */
    PERIOD,
    /** A field given where it is not allowed ({@code obiettivo_raggiunto} of a non post-assessment). */
    NOT_ALLOWED,
    /** A value above the field that bounds it ({@code quota_utente} greater than {@code spesa_totale}). */
    EXCEEDS_FIELD,
    /** A row with the wrong number of fields. */
    COLUMNS
}
