package it.cabina.warehouse.published;

import java.util.List;

/** The territorial levels reports are published for, from the smallest to the whole region, as the JSON files write them. */
public final class Levels {
    public static final List<String> ALL = List.of("AMBITO", "ASST", "ATS", "REGIONE");

    private Levels() {}
}
