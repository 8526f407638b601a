package it.cabina.generator;

import it.cabina.warehouse.quality.RuleCode;

import java.util.function.Predicate;

/**
 * One way of breaking exactly one rule of a file: which rule (one that sets the row aside, never a warning code),
 * through which field, in the deliveries of which contract version ({@code only}, null for any: a 1.2 activity type
 * breaks the code rule only in a 1.1 delivery, a missing {@code tema} only in a 1.2 one), on which rows it applies,
 * and the change itself (made on a fresh copy of a valid row).
 */
record Mutation(RuleCode rule, String field, SpecVersion only, Predicate<Row> applies, Change change) {

    Mutation {
        if (rule.warning()) throw new IllegalArgumentException(rule + " is a warning: a row breaking it still loads");
    }

    @FunctionalInterface
    interface Change {
        void apply(Row row, DefectContext ctx, Rand r);
    }

    static Mutation of(RuleCode rule, String field, Change change) {
        return new Mutation(rule, field, null, row -> true, change);
    }

    static Mutation when(RuleCode rule, String field, Predicate<Row> applies, Change change) {
        return new Mutation(rule, field, null, applies, change);
    }

    /** A mutation that breaks its rule only in a delivery of that contract version. */
    static Mutation onlyIn(SpecVersion version, RuleCode rule, String field, Change change) {
        return new Mutation(rule, field, version, row -> true, change);
    }

    /** Whether it can be made on this valid row of a delivery of that version. */
    boolean appliesTo(Row row, SpecVersion delivery) {
        return (only == null || only == delivery) && applies.test(row);
    }

    /**
     * Whether its rows come only in some deliveries (it is bound to a contract version, or its file is): the injector
     * plants each such mutation once before anything else, so that a small run has it too.
     */
    boolean bound(Layout layout) {
        return only != null || layout.since() != null;
    }
}
