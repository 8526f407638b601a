package it.cabina.etl.model;

import it.cabina.etl.context.SourceExtension;
import it.cabina.etl.sources.afam.AfamExtension;

import java.util.List;

/** The sources that need more than their rules: one extension each. */
public final class SourceExtensions {
    private static final List<SourceExtension> ALL = List.of(new AfamExtension());

    private SourceExtensions() {}

    public static List<SourceExtension> all() {
        return ALL;
    }
}
