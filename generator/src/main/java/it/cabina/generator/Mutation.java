package it.cabina.generator;

import it.cabina.warehouse.quality.RuleCode;

import java.util.function.Predicate;

/**
 * One way of breaking exactly one rule of a file: which rule (one that sets the row aside, never a warning code),
 * through which field, on which rows it applies, and the change itself (made on a fresh copy of a valid row).
 */
record Mutation(RuleCode rule, String field, Predicate<Row> applies, Change change) {

    Mutation {
        if (rule.warning()) throw new IllegalArgumentException(rule + " is a warning: a row breaking it still loads");
    }

    @FunctionalInterface
    interface Change {
        void apply(Row row, DefectContext ctx, Rand r);
    }

    static Mutation of(RuleCode rule, String field, Change change) {
        return new Mutation(rule, field, row -> true, change);
    }

    static Mutation when(RuleCode rule, String field, Predicate<Row> applies, Change change) {
        return new Mutation(rule, field, applies, change);
    }
}
