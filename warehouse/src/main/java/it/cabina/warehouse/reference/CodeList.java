package it.cabina.warehouse.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One code list of {@code conf/codelists/<name>.yaml}: codes in their declared order, with Italian descriptions and extra attributes. */
public record CodeList(String name, String descrizione, List<Code> codes) {

    public record Code(String code, String descrizione, Map<String, String> attributes) {
        public String attribute(String key) {
            return attributes.get(key);
        }
    }

    public Set<String> values() {
        Map<String, Code> m = new LinkedHashMap<>();
        codes.forEach(c -> m.put(c.code(), c));
        return m.keySet();
    }

    public boolean contains(String code) {
        return codes.stream().anyMatch(c -> c.code().equals(code));
    }

    public Code get(String code) {
        return codes.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }
}
