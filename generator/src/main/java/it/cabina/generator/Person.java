package it.cabina.generator;

import java.time.LocalDate;

/**
 * A person's identity as the senders know it. The same person may be followed by two Ambiti (same tax code, an
 * {@code id_persona} of each Ambito).
 *
 * @param cittadinanza {@code ITA}, {@code UE} or {@code EXTRA_UE}
 */
record Person(String taxCode, String sesso, LocalDate birthDate, String cittadinanza) {}
