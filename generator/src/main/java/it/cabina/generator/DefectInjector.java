package it.cabina.generator;

import it.cabina.warehouse.quality.RuleCode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Adds defective rows to CSI and FLUSSO files: after valid rows, a share {@code defectShare} of extra rows, each a
 * fresh copy of the valid row breaking exactly one rule. The rule is the least used so far among those the row
 * allows (rules possible in fewer files first, then a random choice), so that defects spread over every rule and
 * a small run still has each rule at least once: each kind of file starts with one defect after each of its first
 * rows, as many as the rules only that file can break (at least one), then one every {@code 1/defectShare} rows.
 */
final class DefectInjector {
    private final double share;
    private final Rand r;
    private final Map<Layout, Double> credit = new EnumMap<>(Layout.class);
    private final Map<RuleCode, Integer> used = new EnumMap<>(RuleCode.class);

    DefectInjector(double share, Rand r) {
        this.share = share;
        this.r = r;
    }

    /** Called after each valid row: may write one defective row right after it. */
    void afterRow(DataFileWriter w, Row valid, DefectContext ctx) {
        if (share <= 0) return;
        Layout layout = valid.layout();
        double c = credit.computeIfAbsent(layout, l -> (double) Math.max(1, Mutations.exclusiveRules(l)));
        if (c < 1.0) {
            credit.put(layout, c + share);
            return;
        }
        credit.put(layout, c - 1.0 + share);
        Mutation m = choose(layout, valid);
        if (m == null) return;
        Row copy = ctx.freshCopy().apply(valid);
        m.change().apply(copy, ctx, r);
        w.writeDefect(copy, m.rule(), m.field());
        used.merge(m.rule(), 1, Integer::sum);
    }

    private Mutation choose(Layout layout, Row valid) {
        List<Mutation> best = new ArrayList<>();
        long bestScore = Long.MAX_VALUE;
        for (Mutation m : Mutations.forLayout(layout)) {
            if (!m.applies().test(valid)) continue;
            long score = used.getOrDefault(m.rule(), 0) * 100L + Mutations.layoutsWith(m.rule());
            if (score < bestScore) {
                best.clear();
                bestScore = score;
            }
            if (score == bestScore) best.add(m);
        }
        return best.isEmpty() ? null : r.pick(best);
    }
}
