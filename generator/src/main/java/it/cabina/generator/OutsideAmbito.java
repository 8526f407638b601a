package it.cabina.generator;

import it.cabina.warehouse.reference.Territory;

import java.util.List;

/**
 * An Ambito of the region that the territory reference may not list, as the AFAM export names it, with real ATS
 * and ASST codes of {@code ats_asst.csv} and one comune (ISTAT code) where its units are.
 */
record OutsideAmbito(String afamName, String codiceAts, String codiceAsst, String comuneIstat, String cap) {

    /**
     * Ambiti outside the demo territory, some named with an apostrophe for an accent, some on comuni born from a
     * merger (Corteolona e Genzone, Val Brembilla, Borgo Virgilio); the first ones are used by the small scales.
     */
    static final List<OutsideAmbito> KNOWN = List.of(
            new OutsideAmbito("MILANO CITTA'", "030321", "030703", "015146", "20159"),
            new OutsideAmbito("GARDA - SALO' - 11", "030326", "030723", "017170", "25087"),
            new OutsideAmbito("CORTEOLONA", "030328", "030727", "018192", "27014"),
            new OutsideAmbito("CANTU'", "030322", "030712", "013041", "22063"),
            new OutsideAmbito("BRESCIA - 1", "030326", "030721", "017029", "25128"),
            new OutsideAmbito("VALLE IMAGNA E VILLA D'ALME'", "030325", "030718", "016253", "24012"),
            new OutsideAmbito("MANTOVA", "030327", "030725", "020071", "46034"),
            new OutsideAmbito("MERATE", "030324", "030715", "097006", "23891"));

    /**
     * The first {@code max} known Ambiti that fit the reference: comune and ASST known, ASST under that ATS, and
     * the comune in none of the reference's Ambiti.
     */
    static List<OutsideAmbito> usable(Territory t, int max) {
        return KNOWN.stream()
                .filter(o -> t.comune(o.comuneIstat()) != null && t.ambitoOfComune(o.comuneIstat()) == null)
                .filter(o -> t.authority(o.codiceAsst()) != null && t.authority(o.codiceAts()) != null
                        && o.codiceAts().equals(t.authority(o.codiceAsst()).codicePadre()))
                .limit(Math.max(0, max))
                .toList();
    }
}
