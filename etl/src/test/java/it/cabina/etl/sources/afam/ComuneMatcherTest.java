package it.cabina.etl.sources.afam;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.reference.Territory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class ComuneMatcherTest {
    private static final CabinaConfig CONFIG = AfamFixture.config();
    private static final Territory TERRITORY = AfamFixture.territory();
    private static final ComuneMatcher MATCHER = ComuneMatcher.load(CONFIG);

    @Test
    void everyComuneOfTheRealExportMatchesAnIstatCodeOfItsProvince() {
        List<Map<String, String>> rows = AfamFixture.rows();
        assertEquals(199, rows.size());
        List<String> unmatched = new ArrayList<>();
        List<String> notExact = new ArrayList<>();
        for (Map<String, String> r : rows) {
            String comune = r.get("COMUNE_DI_UBICAZIONE");
            String prov = r.get("PROV");
            ComuneMatcher.Match m = MATCHER.resolve(comune, prov);
            if (m == null) {
                unmatched.add(comune + " (" + prov + ")");
                continue;
            }
            if (m.how() != ComuneMatcher.How.EXACT) notExact.add(comune + " (" + prov + "): " + m);
            assertEquals(prov, TERRITORY.comune(m.codiceIstat()).siglaProvincia(), comune);
        }
        assertEquals(List.of(), unmatched, "comuni of the AFAM excerpt with no ISTAT code");
        assertEquals(List.of(), notExact, "all found by name and province, no alias needed");
        long distinct = rows.stream().map(r -> MATCHER.match(r.get("COMUNE_DI_UBICAZIONE"), r.get("PROV"))).distinct().count();
        assertEquals(162, distinct, "distinct comuni of the excerpt");
    }

    @Test
    void apostrophesStandForAccentsOrElisions() {
        assertEquals("097006", MATCHER.match("BARZANO'", "LC"));        // Barzanò
        assertEquals("013041", MATCHER.match("CANTU'", "CO"));          // Cantù
        assertEquals("017170", MATCHER.match("SALO'", "BS"));           // Salò
        assertEquals("018138", MATCHER.match("SANNAZZARO DE' BURGONDI", "PV"));
        assertEquals("097062", MATCHER.match("PADERNO D'ADDA", "LC"));
        assertEquals("013040", MATCHER.match("CAMPIONE D'ITALIA", "CO"));
        assertEquals("098050", MATCHER.match("SANT'ANGELO LODIGIANO", "LO"));
        assertEquals("015059", MATCHER.match("CASSANO D'ADDA", "MI"));
        assertEquals("019048", MATCHER.match("GERRE DE' CAPRIOLI", "CR"));
        assertEquals("012087", MATCHER.match("LAVENO-MOMBELLO", "VA"));
        assertEquals("012087", MATCHER.match("Laveno Mombello", "va"));
    }

    @Test
    void comuniBornOfMergersHaveTheirCurrentIstatNames() {
        assertEquals("018192", MATCHER.match("CORTEOLONA E GENZONE", "PV"));
        assertEquals("016253", MATCHER.match("VAL BREMBILLA", "BG"));
        assertEquals("020071", MATCHER.match("BORGO VIRGILIO", "MN"));
        assertEquals("019107", MATCHER.match("TORRE DE' PICENARDI", "CR"));
    }

    @Test
    void aWrongOrMissingProvinceFallsBackOnANameThatIsUniqueInTheRegion() {
        assertEquals(new ComuneMatcher.Match("020018", ComuneMatcher.How.EXACT), MATCHER.resolve("CAVRIANA", "MN"));
        assertEquals(new ComuneMatcher.Match("020018", ComuneMatcher.How.NAME_ONLY), MATCHER.resolve("CAVRIANA", "BS"));
        assertEquals(new ComuneMatcher.Match("020018", ComuneMatcher.How.NAME_ONLY), MATCHER.resolve("CAVRIANA", null));
        assertNull(MATCHER.match("ATLANTIDE", "MI"));
        assertNull(MATCHER.match("", "MI"));
        assertNull(MATCHER.match(null, null));
    }

    @Test
    void aNameSharedByTwoProvincesIsResolvedByProvOnly(@TempDir Path dir) throws IOException {
        // Test data: Italy has two comuni named Castro, in the provinces of Bergamo and Lecce.
        Territory t = territory(dir, """
                codice_istat;denominazione;sigla_provincia;codice_provincia
                016065;Castro;BG;016
                075019;Castro;LE;075
                020018;Cavriana;MN;020
                """);
        ComuneMatcher m = ComuneMatcher.of(t);
        assertEquals("016065", m.match("CASTRO", "BG"));
        assertEquals("075019", m.match("CASTRO", "LE"));
        assertEquals("016065", m.match("Castro", " bg "));
        assertNull(m.match("CASTRO", "MI"), "ambiguous without the right province");
        assertNull(m.match("CASTRO", ""));
        assertEquals("020018", m.match("CAVRIANA", "XX"), "a unique name still resolves");
        assertEquals(Map.of("CASTRO|BG", "016065", "CASTRO|LE", "075019", "CAVRIANA|MN", "020018"), m.keys());
        assertEquals(Map.of("CAVRIANA", "020018"), m.nameKeys());
    }

    @Test
    void aliasesResolveOtherSpellings(@TempDir Path dir) throws IOException {
        // Test data only (not in conf): Ca' d'Andrea merged into Torre de' Picenardi in 2019.
        Path file = dir.resolve("comuni_alias.csv");
        Files.writeString(file, """
                # comment line
                nome_afam;sigla_provincia;codice_istat;nota
                CA' D'ANDREA;CR;019107;merged into Torre de' Picenardi (test)

                """, StandardCharsets.UTF_8);
        List<ComuneMatcher.Alias> aliases = ComuneMatcher.readAliases(file);
        assertEquals(1, aliases.size());
        ComuneMatcher m = ComuneMatcher.of(TERRITORY, aliases);
        assertEquals(new ComuneMatcher.Match("019107", ComuneMatcher.How.ALIAS), m.resolve("CA' D'ANDREA", "CR"));
        assertEquals(new ComuneMatcher.Match("019107", ComuneMatcher.How.NAME_ONLY), m.resolve("Ca' d'Andrea", null));
        assertEquals("019107", m.keys().get("CA D ANDREA|CR"));
        assertEquals(1503, m.keys().size());

        assertThrows(ConfigException.class, () -> ComuneMatcher.of(TERRITORY,
                List.of(new ComuneMatcher.Alias("NOWHERE", "MI", "999999", "unknown code"))));
        assertThrows(ConfigException.class, () -> ComuneMatcher.of(TERRITORY,
                List.of(new ComuneMatcher.Alias("CANTU'", "CO", "015146", "would hide Cantù"))));
        assertTrue(ComuneMatcher.readAliases(dir.resolve("absent.csv")).isEmpty());
    }

    @Test
    void theAliasListOfConfLoadsAndEachAliasResolves() {
        Path file = CONFIG.comuniFile().resolveSibling(ComuneMatcher.ALIAS_FILE);
        assertTrue(Files.isRegularFile(file));
        for (ComuneMatcher.Alias a : ComuneMatcher.readAliases(file)) {
            assertEquals(a.codiceIstat(), MATCHER.match(a.nomeAfam(), a.siglaProvincia()), a.toString());
            assertFalse(a.nota().isBlank(), "each alias says why: " + a);
        }
    }

    @Test
    void keysCoverEveryComuneForABroadcastJoin() {
        Map<String, String> keys = MATCHER.keys();
        assertTrue(keys.size() >= 1502);
        assertEquals("097006", keys.get(ComuneNames.key("BARZANO'", "LC")));
        assertEquals("015146", keys.get("MILANO|MI"));
        assertEquals(new TreeSet<>(TERRITORY.comuni().stream().map(Territory.Comune::codiceIstat).toList()),
                new TreeSet<>(keys.values()));
        assertEquals(1502, MATCHER.nameKeys().size());
        assertThrows(UnsupportedOperationException.class, () -> keys.put("X|MI", "1"));
    }

    @Test
    void theMatcherIsSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(MATCHER);
        }
        ComuneMatcher copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ComuneMatcher) in.readObject();
        }
        assertEquals("097006", copy.match("BARZANO'", "LC"));
        assertEquals(MATCHER.keys(), copy.keys());
    }

    private static Territory territory(Path dir, String comuni) throws IOException {
        Path c = dir.resolve("comuni.csv");
        Path a = dir.resolve("ambiti.csv");
        Files.writeString(c, comuni, StandardCharsets.UTF_8);
        Files.writeString(a, "codice_ambito;denominazione;codice_asst;codice_ats;comuni_istat\n", StandardCharsets.UTF_8);
        return Territory.load(c, CONFIG.atsAsstFile(), a, "03");
    }
}
