package it.cabina.etl.sources.afam;

import it.cabina.warehouse.reference.Territory;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

// TEMPORARY local version, replaced by the AFAM helper's implementation on merge.
public final class AmbitoMatcher implements Serializable {
    private final Map<String, String> keys = new HashMap<>();

    public AmbitoMatcher(Territory t) {
        for (Territory.Ambito a : t.ambiti()) keys.put(ComuneMatcher.norm(a.denominazione()), a.codice());
    }

    public String match(String afamName) {
        return keys.get(ComuneMatcher.norm(afamName).replaceAll(" \\d+$", ""));
    }

    public static String registeredCode(String afamName) {
        return "AMB-AFAM-" + ComuneMatcher.norm(afamName).replace(' ', '-');
    }
}
