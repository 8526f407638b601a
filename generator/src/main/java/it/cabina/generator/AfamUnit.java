package it.cabina.generator;

import java.util.Map;
import java.util.TreeMap;

/**
 * One social service unit of the AFAM registry and its history over the snapshots: opened at one snapshot, maybe
 * ceased at a later one, type and capacity changing from some snapshot on.
 */
final class AfamUnit {
    /** The AFAM values that do not change (column name → value). */
    final Map<String, String> fixed;
    /** The reference Ambito code, or null for an Ambito the reference does not list. */
    final String ambitoCode;
    final String cudes;
    /** ISTAT code of the unit's comune (not exported: AFAM has no ISTAT code). */
    final String istat;
    final int openedAt;
    int ceasedAt = Integer.MAX_VALUE;
    private final TreeMap<Integer, String[]> versions = new TreeMap<>();

    AfamUnit(String cudes, String ambitoCode, String istat, Map<String, String> fixed, int openedAt, String tipo,
             int posti) {
        this.cudes = cudes;
        this.istat = istat;
        this.ambitoCode = ambitoCode;
        this.fixed = fixed;
        this.openedAt = openedAt;
        versions.put(openedAt, new String[]{tipo, String.valueOf(posti)});
    }

    boolean activeAt(int snapshot) {
        return snapshot >= openedAt && snapshot < ceasedAt;
    }

    String tipo(int snapshot) {
        return versions.floorEntry(snapshot).getValue()[0];
    }

    int posti(int snapshot) {
        return Integer.parseInt(versions.floorEntry(snapshot).getValue()[1]);
    }

    /** From {@code snapshot} on, the unit has this type and capacity. */
    void change(int snapshot, String tipo, int posti) {
        versions.put(snapshot, new String[]{tipo, String.valueOf(posti)});
    }

    Row row(int snapshot) {
        Row r = new Row(Layout.UNITA_OFFERTA);
        fixed.forEach(r::set);
        r.set("UNITA_OFFERTE_SOCIALI", tipo(snapshot));
        r.set("NR_POSTI", posti(snapshot));
        return r;
    }
}
