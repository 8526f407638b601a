package it.cabina.etl.generate;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Writes one FULL AFAM delivery (sender {@code RL}) per registry snapshot, in the evening of the snapshot day. */
final class AfamWriter {
    static final String SENDER = "RL";

    private AfamWriter() {}

    static void write(Landing landing, AfamRegistry registry, boolean zipSome) {
        for (int s = 0; s < registry.snapshots.size(); s++) {
            ZonedDateTime at = ZonedDateTime.of(registry.snapshots.get(s), LocalTime.of(20, 0), Formats.ROME);
            DeliveryWriter d = landing.open(Source.AFAM, SENDER, at, null, null, zipSome && s == 1);
            DataFileWriter w = d.file(Layout.UNITA_OFFERTA, false);
            for (AfamUnit u : registry.unitsAt(s)) w.write(u.row(s));
            d.finish();
        }
    }
}
