package it.cabina.generator;

import java.util.function.Predicate;

/**
 * One way of breaking exactly one rule of a file: which rule, through which field, on which rows it applies, and
 * the change itself (made on a fresh copy of a valid row).
 */
record Mutation(DefectRule rule, String field, Predicate<Row> applies, Change change) {

    @FunctionalInterface
    interface Change {
        void apply(Row row, DefectContext ctx, Rand r);
    }

    static Mutation of(DefectRule rule, String field, Change change) {
        return new Mutation(rule, field, row -> true, change);
    }

    static Mutation when(DefectRule rule, String field, Predicate<Row> applies, Change change) {
        return new Mutation(rule, field, applies, change);
    }
}
