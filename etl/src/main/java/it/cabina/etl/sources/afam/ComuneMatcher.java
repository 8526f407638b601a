package it.cabina.etl.sources.afam;

import it.cabina.warehouse.reference.Territory;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

// TEMPORARY local version, replaced by the AFAM helper's implementation on merge.
public final class ComuneMatcher implements Serializable {
    private final Map<String, String> keys = new HashMap<>();

    public ComuneMatcher(Territory t) {
        for (Territory.Comune c : t.comuni()) keys.put(norm(c.denominazione()) + "|" + c.siglaProvincia(), c.codiceIstat());
    }

    public String match(String name, String prov) {
        return keys.get(norm(name) + "|" + (prov == null ? "" : prov.trim().toUpperCase()));
    }

    static String norm(String s) {
        String n = Normalizer.normalize(s.toUpperCase(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.replaceAll("([AEIOU])'(\\s|$)", "$1$2").replaceAll("[^A-Z0-9]+", " ").trim();
    }
}
