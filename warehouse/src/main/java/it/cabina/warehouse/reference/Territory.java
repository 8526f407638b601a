package it.cabina.warehouse.reference;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import it.cabina.warehouse.config.ConfigException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The territory reference of {@code conf/territory}: ISTAT comuni, ATS and ASST, and the Ambiti with their comuni.
 * Codes are text (leading zeros kept).
 */
public final class Territory {

    public record Comune(String codiceIstat, String denominazione, String siglaProvincia, String codiceProvincia) {}

    /** An ATS (livello ATS, no parent) or an ASST (livello ASST, parent = its ATS). */
    public record HealthAuthority(String livello, String codice, String denominazione, String codicePadre) {}

    public record Ambito(String codice, String denominazione, String codiceAsst, String codiceAts, List<String> comuni) {}

    private final String regionCode;
    private final Map<String, Comune> comuni;
    private final Map<String, HealthAuthority> authorities;
    private final Map<String, Ambito> ambiti;

    private Territory(String regionCode, Map<String, Comune> comuni, Map<String, HealthAuthority> authorities,
                      Map<String, Ambito> ambiti) {
        this.regionCode = regionCode;
        this.comuni = comuni;
        this.authorities = authorities;
        this.ambiti = ambiti;
    }

    public static Territory load(Path comuniFile, Path atsAsstFile, Path ambitiFile, String regionCode) {
        Map<String, Comune> comuni = new LinkedHashMap<>();
        for (Map<String, String> r : readCsv(comuniFile)) {
            String code = req(r, "codice_istat", comuniFile);
            comuni.put(code, new Comune(code, req(r, "denominazione", comuniFile),
                    req(r, "sigla_provincia", comuniFile), r.getOrDefault("codice_provincia", code.substring(0, 3))));
        }
        Map<String, HealthAuthority> auth = new LinkedHashMap<>();
        for (Map<String, String> r : readCsv(atsAsstFile)) {
            String livello = req(r, "livello", atsAsstFile);
            if (!livello.equals("ATS") && !livello.equals("ASST")) {
                throw new ConfigException(atsAsstFile + ": livello must be ATS or ASST, found '" + livello + "'");
            }
            String code = req(r, "codice", atsAsstFile);
            auth.put(code, new HealthAuthority(livello, code, req(r, "denominazione", atsAsstFile), blankToNull(r.get("codice_padre"))));
        }
        for (HealthAuthority a : auth.values()) {
            if (a.livello().equals("ASST") && (a.codicePadre() == null || !auth.containsKey(a.codicePadre()))) {
                throw new ConfigException(atsAsstFile + ": ASST " + a.codice() + " names an unknown ATS '" + a.codicePadre() + "'");
            }
        }
        Map<String, Ambito> ambiti = new LinkedHashMap<>();
        for (Map<String, String> r : readCsv(ambitiFile)) {
            String code = req(r, "codice_ambito", ambitiFile);
            String asst = req(r, "codice_asst", ambitiFile);
            String ats = req(r, "codice_ats", ambitiFile);
            HealthAuthority a = auth.get(asst);
            if (a == null || !a.livello().equals("ASST")) throw new ConfigException(ambitiFile + ": Ambito " + code + " names an unknown ASST '" + asst + "'");
            if (!ats.equals(a.codicePadre())) throw new ConfigException(ambitiFile + ": Ambito " + code + " names ATS " + ats + " but its ASST " + asst + " belongs to ATS " + a.codicePadre());
            List<String> list = Arrays.stream(r.getOrDefault("comuni_istat", "").split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            for (String c : list) {
                if (!comuni.containsKey(c)) throw new ConfigException(ambitiFile + ": Ambito " + code + " lists unknown comune '" + c + "'");
            }
            ambiti.put(code, new Ambito(code, req(r, "denominazione", ambitiFile), asst, ats, list));
        }
        return new Territory(regionCode, Map.copyOf(comuni), Map.copyOf(auth), Map.copyOf(ambiti));
    }

    private static List<Map<String, String>> readCsv(Path file) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(';');
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
            return new ArrayList<>(it.readAll());
        } catch (IOException e) {
            throw new ConfigException("cannot read territory file " + file + ": " + e.getMessage());
        }
    }

    private static String req(Map<String, String> r, String col, Path file) {
        String v = r.get(col);
        if (v == null || v.isBlank()) throw new ConfigException(file + ": missing '" + col + "' in row " + r);
        return v.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String regionCode() { return regionCode; }

    public Comune comune(String codiceIstat) { return comuni.get(codiceIstat); }

    public Collection<Comune> comuni() { return comuni.values(); }

    public Ambito ambito(String code) { return ambiti.get(code); }

    /** Ambiti in a stable order (by code). */
    public List<Ambito> ambiti() {
        return ambiti.values().stream().sorted((a, b) -> a.codice().compareTo(b.codice())).toList();
    }

    public HealthAuthority authority(String code) { return authorities.get(code); }

    public List<HealthAuthority> authorities(String livello) {
        return authorities.values().stream().filter(a -> a.livello().equals(livello))
                .sorted((a, b) -> a.codice().compareTo(b.codice())).toList();
    }

    /** The Ambito whose comuni include this ISTAT code, or null. */
    public Ambito ambitoOfComune(String codiceIstat) {
        return ambiti.values().stream().filter(a -> a.comuni().contains(codiceIstat)).findFirst().orElse(null);
    }
}
