package it.cabina.generator;

import java.time.LocalDateTime;

/**
 * One version of a CSI record as a sender sends it: the whole row with its {@code aggiornato_il}, and the monthly
 * delivery (index from the first month) that carries it.
 */
final class CsiVersion {
    final Layout layout;
    final String id;
    final LocalDateTime at;
    final Row row;
    final long seq;
    int delivery;

    CsiVersion(Layout layout, String id, LocalDateTime at, Row row, long seq, int delivery) {
        this.layout = layout;
        this.id = id;
        this.at = at;
        this.row = row;
        this.seq = seq;
        this.delivery = delivery;
    }
}
