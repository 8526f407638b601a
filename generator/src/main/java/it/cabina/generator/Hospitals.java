package it.cabina.generator;

import java.util.List;
import java.util.Map;

/** Hospitals (the {@code presidio} of a protected discharge) of the ASSTs of the demo territory and nearby. */
final class Hospitals {
    private static final Map<String, List<String>> BY_ASST = Map.of(
            "030711", List.of("Ospedale di Circolo di Busto Arsizio", "Ospedale Sant'Antonio Abate di Gallarate",
                    "Ospedale di Saronno", "Presidio Ospedaliero di Tradate"),
            "030705", List.of("Ospedale Civile di Legnano", "Ospedale Giuseppe Fornaroli di Magenta",
                    "Ospedale Costantino Cantù di Abbiategrasso", "Ospedale di Cuggiono"),
            "030708", List.of("Ospedale Predabissi di Vizzolo Predabissi",
                    "Ospedale Santa Maria delle Stelle di Melzo", "Ospedale Uboldo di Cernusco sul Naviglio"));
    private static final List<String> METROPOLITAN = List.of("Ospedale Niguarda Ca' Granda",
            "Ospedale San Paolo", "Ospedale Luigi Sacco");

    private Hospitals() {}

    /** The hospitals a discharge of an Ambito of this ASST may come from. */
    static List<String> forAsst(String codiceAsst, String asstName) {
        List<String> local = BY_ASST.get(codiceAsst);
        if (local == null) local = List.of("Presidio ospedaliero " + asstName);
        return java.util.stream.Stream.concat(local.stream(), METROPOLITAN.stream().limit(1)).toList();
    }
}
