package it.cabina.generator;

import java.time.LocalDate;

/**
 * A service a beneficiary receives from an Ambito over a period: the FLUSSO has one row per month of it.
 *
 * @param comune the comune of delivery (ISTAT)
 * @param end    last day (inclusive)
 * @param udo    the AFAM unit code, empty for services not given in a unit
 */
record ServiceSpan(String taxCode, String comune, String prestazione, LocalDate start, LocalDate end, String udo) {

    ServiceSpan withUdo(String u) {
        return new ServiceSpan(taxCode, comune, prestazione, start, end, u);
    }

    boolean activeIn(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return !start.isAfter(first.withDayOfMonth(first.lengthOfMonth())) && !end.isBefore(first);
    }
}
