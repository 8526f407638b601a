package it.cabina.reports.confronto;

import java.util.ArrayList;
import java.util.List;

/**
 * How the Ambiti of a territory are split into groups of columns that fit an A4 landscape page: as few groups as
 * possible of at most {@link #MAX} Ambiti, of sizes differing by one at most (12 Ambiti: 6 and 6; 30: three of 10; the
 * 89 of the Region: eight of 10 and one of 9).
 */
public final class ColumnGroups {
    /** Ambito columns that fit beside the indicator, its target, the territory's value and "n su m" on A4 landscape. */
    public static final int MAX = 10;

    private ColumnGroups() {}

    /** The sizes of the groups, in order. */
    public static List<Integer> sizes(int columns) {
        List<Integer> out = new ArrayList<>();
        if (columns == 0) return out;
        int groups = (columns + MAX - 1) / MAX;
        for (int g = 0; g < groups; g++) out.add(columns / groups + (g < columns % groups ? 1 : 0));
        return out;
    }
}
