package it.cabina.generator;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.CodeLists;
import it.cabina.warehouse.reference.Territory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The configuration the generator draws from: territory, code lists and the Belfiore codes of the comuni. */
final class Reference {
    final Territory territory;
    final CodeLists codeLists;
    /** Belfiore (cadastral) codes of the comuni reference, in file order: birth places of tax codes. */
    final List<String> belfiore;

    private Reference(Territory territory, CodeLists codeLists, List<String> belfiore) {
        this.territory = territory;
        this.codeLists = codeLists;
        this.belfiore = belfiore;
    }

    static Reference load(CabinaConfig config) {
        Territory t = Territory.load(config.comuniFile(), config.atsAsstFile(), config.ambitiFile(), config.regionCode());
        return new Reference(t, CodeLists.load(config.codelistsDir()), readBelfiore(config.comuniFile()));
    }

    private static List<String> readBelfiore(Path comuniFile) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(';');
        List<String> codes = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(comuniFile.toFile())) {
            while (it.hasNext()) {
                String c = it.next().getOrDefault("codice_catastale", "").trim();
                if (c.matches("[A-Z][0-9]{3}")) codes.add(c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + comuniFile, e);
        }
        return List.copyOf(codes);
    }

    /** The Ambiti that get deliveries: the first {@code maxAmbiti} of the reference in code order (all for 0). */
    List<Territory.Ambito> ambiti(Scale scale) {
        List<Territory.Ambito> all = territory.ambiti().stream().filter(a -> !a.comuni().isEmpty()).toList();
        if (all.isEmpty()) throw new IllegalStateException("the territory reference lists no Ambito with comuni");
        return scale.maxAmbiti() > 0 && scale.maxAmbiti() < all.size() ? all.subList(0, scale.maxAmbiti()) : all;
    }

    /** Another Ambito code of the reference (the next one in code order): a wrong {@code codice_ambito}. */
    String otherAmbito(String code) {
        List<Territory.Ambito> all = territory.ambiti();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).codice().equals(code)) {
                Territory.Ambito other = all.get((i + 1) % all.size());
                if (!other.codice().equals(code)) return other.codice();
            }
        }
        return "AMB-SCONOSCIUTO";
    }

    List<String> codes(String codeList) {
        return List.copyOf(codeLists.get(codeList).values());
    }

    /** The codes of a code list that contract {@code version} added ({@code since} in conf/codelists), sorted. */
    List<String> codesSince(String codeList, SpecVersion version) {
        return codeLists.get(codeList).codes().stream().filter(c -> version.text().equals(c.attribute("since")))
                .map(it.cabina.warehouse.reference.CodeList.Code::code).sorted().toList();
    }
}
