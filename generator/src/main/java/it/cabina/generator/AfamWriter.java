package it.cabina.generator;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Writes one FULL AFAM delivery (sender {@code RL}) per registry snapshot, in the evening of the snapshot day. Rows
 * the warehouse loads but reports are counted as warnings: a unit in an Ambito the reference does not list, a
 * unit type the code list does not have.
 */
final class AfamWriter {
    static final String SENDER = "RL";
    static final String AMBITO_NOT_IN_REFERENCE = "AMBITO_NOT_IN_REFERENCE";
    static final String TYPE_NOT_IN_CODELIST = "TYPE_NOT_IN_CODELIST";

    private AfamWriter() {}

    static void write(Landing landing, AfamRegistry registry, boolean zipSome) {
        for (int s = 0; s < registry.snapshots.size(); s++) {
            ZonedDateTime at = ZonedDateTime.of(registry.snapshots.get(s), LocalTime.of(20, 0), Formats.ROME);
            DeliveryWriter d = landing.open(Source.AFAM, SENDER, at, null, null, zipSome && s == 1, SpecVersion.V1_1);
            DataFileWriter w = d.file(Layout.UNITA_OFFERTA, false);
            for (AfamUnit u : registry.unitsAt(s)) {
                w.write(u.row(s));
                if (u.ambitoCode == null) w.warn(AMBITO_NOT_IN_REFERENCE);
                if (!registry.listedType(u.tipo(s))) w.warn(TYPE_NOT_IN_CODELIST);
            }
            d.finish();
        }
    }
}
