package it.cabina.etl.indicators;

/** The outcome of an indicator for a territory and year (indicators.md, "Status"). */
public enum Status {
    RAGGIUNTO, NON_RAGGIUNTO, BASELINE, MONITORAGGIO, NON_CALCOLABILE,
    /** The year holds the run date: its value so far is shown, not judged (indicators.md, "The year in progress"). */
    IN_CORSO;

    /** Why a value is NON_CALCOLABILE. */
    public enum Reason {
        NESSUN_DATO("nessun dato per il territorio e l'anno"),
        DENOMINATORE_ZERO("denominatore pari a zero"),
        ANNO_PRECEDENTE_MANCANTE("manca il valore dell'anno precedente"),
        /** Records of the cell came from a delivery of a contract that did not have a field the indicator needs. */
        DATO_NON_TRASMESSO("dato non trasmesso (tracciato 1.2)");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A status with, when it is NON_CALCOLABILE, the reason. */
    public record Outcome(Status status, Reason reason) {}

    /**
     * @param value    this year's value, null when it cannot be computed (then {@code whyNull} says why)
     * @param previous last year's value at the same territory, or null
     */
    public static Outcome of(YearRule rule, Double value, Reason whyNull, Double previous) {
        return of(rule, value, whyNull, previous, false);
    }

    /** @param inProgress the year has not ended by the run date: a value is shown, never judged */
    public static Outcome of(YearRule rule, Double value, Reason whyNull, Double previous, boolean inProgress) {
        if (value == null) return new Outcome(NON_CALCOLABILE, whyNull);
        if (inProgress) return new Outcome(IN_CORSO, null);
        return switch (rule.kind()) {
            case MONITORAGGIO -> new Outcome(MONITORAGGIO, null);
            case BASELINE -> new Outcome(BASELINE, null);
            case ALMENO -> new Outcome(value >= rule.threshold() ? RAGGIUNTO : NON_RAGGIUNTO, null);
            case PIU_DI -> new Outcome(value > rule.threshold() ? RAGGIUNTO : NON_RAGGIUNTO, null);
            case CRESCITA -> previous == null ? new Outcome(NON_CALCOLABILE, Reason.ANNO_PRECEDENTE_MANCANTE)
                    : new Outcome(value > previous ? RAGGIUNTO : NON_RAGGIUNTO, null);
            case RIDUZIONE -> previous == null ? new Outcome(NON_CALCOLABILE, Reason.ANNO_PRECEDENTE_MANCANTE)
                    : new Outcome(value < previous ? RAGGIUNTO : NON_RAGGIUNTO, null);
        };
    }
}
