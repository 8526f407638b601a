package it.cabina.generator;

import java.util.Set;

/**
 * Writes the FULL {@code prestazioni.csv} of one Ambito-semester: month by month, one row per service active in
 * the month (or several, see {@link Scale#serviceRowsPerMonth()}; a second row when a second funding source pays
 * part of it), streamed. A later revision of the same
 * semester (a re-send) drops, changes and adds a few rows, so that it differs from the first one.
 *
 * <p>A service whose code a later contract added (a shelter, {@code CASA_RIFUGIO}, in 1.2) is reported as
 * {@code ALTRO} by a delivery of an earlier version, which has no code for it.
 */
final class FlussoWriter {
    /** Warning code of a valid row whose {@code codice_udo} is not in AFAM (defective copies are not counted). */
    static final String UNKNOWN_UDO = "UNKNOWN_UDO";

    private final FlussoPlan plan;
    private final String ambitoCode;
    private final double cofundedShare;
    private final int rowsPerMonth;
    private final DefectInjector defects;
    private final long seed;
    private final Set<String> laterCodes;

    /** @param laterCodes the service codes of a later contract than 1.1 (CASA_RIFUGIO, …) */
    FlussoWriter(FlussoPlan plan, String ambitoCode, Scale scale, DefectInjector defects, long seed, Set<String> laterCodes) {
        this.plan = plan;
        this.ambitoCode = ambitoCode;
        this.cofundedShare = scale.cofundedShare();
        this.rowsPerMonth = scale.serviceRowsPerMonth();
        this.defects = defects;
        this.seed = seed;
        this.laterCodes = Set.copyOf(laterCodes);
    }

    void write(DeliveryWriter delivery, Semester s, int revision, DefectContext ctx) {
        Rand r = Rand.derive(seed, "flusso", ambitoCode, s, "rows");
        Rand change = Rand.derive(seed, "flusso", ambitoCode, s, "revision", revision);
        DataFileWriter w = delivery.file(Layout.PRESTAZIONI, false);
        boolean coded = delivery.spec().carries(SpecVersion.V1_2);
        boolean firstChanged = false;
        for (int month = s.firstMonth(); month < s.firstMonth() + 6; month++) {
            for (ServiceSpan span : plan.spans) {
                if (!span.activeIn(s.year(), month)) continue;
                Tariff t = Tariff.of(span.prestazione());
                String code = coded || !laterCodes.contains(span.prestazione()) ? span.prestazione() : "ALTRO";
                long qty = t.quantity(r);
                boolean cofunded = qty >= 200 && t.fonti().size() > 1 && r.chance(cofundedShare);
                String fonte = r.weighted(t.fonti(), t.fontiWeights());
                double user = r.between(t.minUserShare(), t.maxUserShare());
                if (revision > 1) {
                    if (change.chance(0.03)) continue;
                    if (!firstChanged || change.chance(0.08)) {
                        qty = Math.max(t.stepQty(), qty + t.stepQty() * (change.chance(0.5) ? 1 : -1));
                        firstChanged = true;
                    }
                }
                for (long part : split(qty, t.stepQty())) {
                    if (cofunded && part >= 200) {
                        long second = part / 200 * 100;
                        String other = t.fonti().stream().filter(f -> !f.equals(fonte)).findFirst().orElse(fonte);
                        emit(w, ctx, s, month, span, t, part - second, user, fonte, code);
                        emit(w, ctx, s, month, span, t, second, user, other, code);
                    } else {
                        emit(w, ctx, s, month, span, t, part, user, fonte, code);
                    }
                }
                if (revision > 1 && change.chance(0.02)) {
                    Tariff late = Tariff.of("SEGRETARIATO_SOCIALE");
                    emit(w, ctx, s, month, span.withUdo(""), late, late.quantity(change), 0, late.fonti().get(0),
                            "SEGRETARIATO_SOCIALE");
                }
            }
        }
    }

    /**
     * A month's quantity as reported in up to {@code rowsPerMonth} rows (weekly or per-intervention reporting), each
     * a positive multiple of the tariff's step.
     */
    private long[] split(long qty, long step) {
        int n = (int) Math.max(1, Math.min(rowsPerMonth, qty / step));
        long[] parts = new long[n];
        long base = qty / step / n * step;
        for (int i = 0; i < n; i++) parts[i] = base;
        parts[n - 1] += qty - base * n;
        return parts;
    }

    private void emit(DataFileWriter w, DefectContext ctx, Semester s, int month, ServiceSpan span, Tariff t, long qty,
                      double userShare, String fonte, String prestazione) {
        long spesa = qty * t.priceCents() / 100;
        long user = Math.round(spesa * userShare);
        Row row = new Row(Layout.PRESTAZIONI).set("codice_ambito", ambitoCode).set("comune_erogazione", span.comune())
                .set("anno", s.year()).set("semestre", s.half()).set("mese", month)
                .set("codice_fiscale", span.taxCode()).set("codice_prestazione", prestazione)
                .set("codice_udo", span.udo()).set("unita_misura", t.unit()).set("quantita", Formats.quantity(qty))
                .set("spesa_totale", Formats.euro(spesa)).set("quota_utente", Formats.euro(Math.min(user, spesa)))
                .set("quota_ssn", Formats.euro(qty * t.ssnCentsPerUnit() / 100)).set("fonte_finanziamento", fonte);
        w.write(row);
        if (plan.unknownUdo.contains(span.udo())) w.warn(UNKNOWN_UDO);
        defects.afterRow(w, row, ctx);
    }
}
