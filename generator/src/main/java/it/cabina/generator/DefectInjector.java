package it.cabina.generator;

import it.cabina.warehouse.quality.RuleCode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds defective rows to CSI and FLUSSO files: after valid rows, a share {@code defectShare} of extra rows, each a
 * fresh copy of the valid row breaking exactly one rule. The rule is the least used so far among those the row
 * allows (rules possible in fewer files first, then a mutation not used yet, then a random choice), so that defects
 * spread over every rule and a small run still has each rule at least once: each kind of file starts with one defect
 * after each of its first rows, as many as the rules only that file can break (at least one), then one every
 * {@code 1/defectShare} rows. A mutation bound to a contract version (its rows come only in some deliveries: a 1.2
 * code in a 1.1 delivery, a 1.2 field in a 1.2 one, a milestone) is moreover planted once, on top of the share, after
 * the first row that allows it.
 *
 * <p>Also decides when a delivery is written to be rejected whole ({@link DeliveryDefect}): at the first occasion of
 * each kind, then at a quarter of the row share per occasion.
 */
final class DefectInjector {
    private final double share;
    private final Rand r;
    private final Map<Layout, Double> credit = new EnumMap<>(Layout.class);
    private final Map<RuleCode, Integer> used = new EnumMap<>(RuleCode.class);
    private final Set<Mutation> planted = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<DeliveryDefect, Double> deliveryCredit = new EnumMap<>(DeliveryDefect.class);
    /** Per file, its bound mutations not planted yet. */
    private final Map<Layout, List<Mutation>> unplanted = new EnumMap<>(Layout.class);

    DefectInjector(double share, Rand r) {
        this.share = share;
        this.r = r;
    }

    /** Called after each valid row: may write one defective row right after it. */
    void afterRow(DataFileWriter w, Row valid, DefectContext ctx) {
        if (share <= 0) return;
        Layout layout = valid.layout();
        Mutation m = firstTime(layout, valid, w.spec());
        if (m == null) {
            double c = credit.computeIfAbsent(layout, l -> (double) Mutations.initialDefects(l));
            if (c < 1.0) {
                credit.put(layout, c + share);
                return;
            }
            credit.put(layout, c - 1.0 + share);
            m = choose(layout, valid, w.spec());
            if (m == null) return;
        }
        Row copy = ctx.freshCopy().apply(valid);
        m.change().apply(copy, ctx, r);
        w.writeDefect(copy, m.rule(), m.field());
        used.merge(m.rule(), 1, Integer::sum);
        planted.add(m);
    }

    /** Whether the delivery just written gets a companion meant to be rejected for that defect. */
    boolean rejectDelivery(DeliveryDefect defect) {
        if (share <= 0) return false;
        double c = deliveryCredit.getOrDefault(defect, 1.0);
        boolean now = c >= 1.0;
        deliveryCredit.put(defect, (now ? c - 1.0 : c) + share / 4);
        return now;
    }

    /** A bound mutation not planted yet that this row allows, if any. */
    private Mutation firstTime(Layout layout, Row valid, SpecVersion spec) {
        List<Mutation> pending = unplanted.computeIfAbsent(layout,
                l -> new ArrayList<>(Mutations.forLayout(l).stream().filter(m -> m.bound(l)).toList()));
        for (Mutation m : pending) {
            if (m.appliesTo(valid, spec)) {
                pending.remove(m);
                return m;
            }
        }
        return null;
    }

    private Mutation choose(Layout layout, Row valid, SpecVersion spec) {
        List<Mutation> applicable = Mutations.forLayout(layout).stream().filter(m -> m.appliesTo(valid, spec)).toList();
        List<Mutation> best = new ArrayList<>();
        long bestScore = Long.MAX_VALUE;
        for (Mutation m : applicable) {
            long score = used.getOrDefault(m.rule(), 0) * 100L + Mutations.layoutsWith(m.rule());
            if (score < bestScore) {
                best.clear();
                bestScore = score;
            }
            if (score == bestScore) best.add(m);
        }
        List<Mutation> fresh = best.stream().filter(m -> !planted.contains(m)).toList();
        return best.isEmpty() ? null : r.pick(fresh.isEmpty() ? best : fresh);
    }
}
