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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class AmbitoMatcherTest {
    private static final CabinaConfig CONFIG = AfamFixture.config();
    private static final Territory TERRITORY = AfamFixture.territory();
    private static final AmbitoMatcher MATCHER = AmbitoMatcher.load(CONFIG);

    @Test
    void namesAreNormalizedAndDistrictNumbersSetApart() {
        assertEquals("GARDA SALO", AmbitoNames.normalize("GARDA - SALO' - 11"));
        assertEquals("GARDA SALO 11", AmbitoNames.normalizeWithNumber("GARDA - SALO' - 11"));
        assertEquals(11, AmbitoNames.districtNumber("GARDA - SALO' - 11"));
        assertEquals(List.of("GARDA", "SALO"), AmbitoNames.parts("GARDA - SALO' - 11"));
        assertEquals("BRESCIA", AmbitoNames.normalize("BRESCIA - 1"));
        assertEquals(1, AmbitoNames.districtNumber("BRESCIA- 1"));
        assertEquals(1, AmbitoNames.districtNumber("BRESCIA -1"));
        assertNull(AmbitoNames.districtNumber("MILANO CITTA'"));
        assertEquals("MILANO CITTA", AmbitoNames.normalize("MILANO CITTA'"));
        assertEquals("MILANO CITTA", AmbitoNames.normalize("Milano Città"));
        assertEquals("VOGHERA E COMUNITA MONTANA OLTREPO PAVESE", AmbitoNames.normalize("VOGHERA E COMUNITA' MONTANA OLTREPO' PAVESE"));
        assertEquals(List.of("LOMAZZO", "FINO MORNASCO"), AmbitoNames.parts("LOMAZZO - FINO MORNASCO"));
        assertEquals(List.of("TREZZO SULL ADDA"), AmbitoNames.parts("TREZZO SULL'ADDA"));
        assertEquals(List.of("LAVENO MOMBELLO"), AmbitoNames.parts("LAVENO-MOMBELLO"), "a hyphen inside a word does not split");
        assertEquals("SARONNO", AmbitoNames.normalize("Ambito di Saronno"));
        assertEquals("ALTO MILANESE", AmbitoNames.normalize("Ambito territoriale dell'Alto Milanese"));
        assertEquals("", AmbitoNames.normalize(null));
    }

    @Test
    void everyDemoAmbitoIsFoundByItsNameInAfamSpelling() {
        assertFalse(TERRITORY.ambiti().isEmpty());
        for (Territory.Ambito a : TERRITORY.ambiti()) {
            String afam = a.denominazione().toUpperCase(Locale.ROOT);
            assertEquals(a.codice(), MATCHER.match(afam), afam);
            assertEquals(a.codice(), MATCHER.match(a.denominazione()), a.denominazione());
            assertEquals(a.codice(), MATCHER.match(" " + afam.replace(' ', '-') + " "), "hyphens and spaces");
            assertEquals(a.codice(), MATCHER.match(a.codice().substring(4)), "the words of the code");
            assertEquals(a.codice(), MATCHER.resolve(afam));
        }
        assertEquals("AMB-VISCONTEO-SUD-MILANO", MATCHER.match("VISCONTEO SUD MILANO"));
        assertEquals("AMB-SUD-EST-MILANO", MATCHER.match("SUD-EST MILANO"));
    }

    @Test
    void theRealExportNamesNineDemoAmbitiAndTheirAsstsAgree() {
        Map<String, String> matched = new TreeMap<>();
        List<Map<String, String>> rows = AfamFixture.rows();
        for (Map<String, String> r : rows) {
            String code = MATCHER.match(r.get("AMBITO"));
            if (code == null) continue;
            matched.put(r.get("AMBITO"), code);
            Territory.Ambito a = TERRITORY.ambito(code);
            assertEquals(a.codiceAsst(), r.get("CODICE_ASST"), "declared ASST of " + r.get("CODICE_CUDES"));
            assertEquals(a.codiceAts(), r.get("CODICE_ATS"), "declared ATS of " + r.get("CODICE_CUDES"));
        }
        assertEquals(Map.of(
                "ABBIATEGRASSO", "AMB-ABBIATENSE",            // through conf/territory/ambiti_alias.csv
                "ALTO MILANESE", "AMB-ALTO-MILANESE",
                "BUSTO ARSIZIO", "AMB-BUSTO-ARSIZIO",
                "CASTELLANZA", "AMB-CASTELLANZA",
                "GALLARATE", "AMB-GALLARATE",
                "PAULLO", "AMB-PAULLO",
                "SARONNO", "AMB-SARONNO",
                "SOMMA LOMBARDO", "AMB-SOMMA-LOMBARDO",
                "VISCONTEO SUD MILANO", "AMB-VISCONTEO-SUD-MILANO"), matched);
        assertNull(AmbitoMatcher.of(TERRITORY).match("ABBIATEGRASSO"), "without the alias list it is not the Abbiatense");
    }

    @Test
    void ambitiTheReferenceDoesNotListGetStableRegisteredCodes() {
        assertNull(MATCHER.match("MILANO CITTA'"));
        assertEquals("AMB-AFAM-MILANO-CITTA", AmbitoMatcher.registeredCode("MILANO CITTA'"));
        assertEquals("AMB-AFAM-MILANO-CITTA", MATCHER.resolve("MILANO CITTA'"));
        assertEquals("AMB-AFAM-MILANO-CITTA", AmbitoMatcher.registeredCode("Milano Città"));
        assertEquals("AMB-AFAM-MILANO-CITTA", AmbitoMatcher.registeredCode(" MILANO  CITTA’ "));
        assertEquals("AMB-AFAM-GARDA-SALO-11", AmbitoMatcher.registeredCode("GARDA - SALO' - 11"));
        assertEquals("AMB-AFAM-BRESCIA-1", AmbitoMatcher.registeredCode("BRESCIA - 1"));
        assertEquals("AMB-AFAM-VOGHERA-E-COMUNITA-MONTANA-OLTREPO-PAVESE",
                AmbitoMatcher.registeredCode("VOGHERA E COMUNITA' MONTANA OLTREPO' PAVESE"));
        assertEquals("AMB-AFAM-TREZZO-SULL-ADDA", AmbitoMatcher.registeredCode("TREZZO SULL'ADDA"));
        assertNull(AmbitoMatcher.registeredCode("  "));
        assertEquals("AMB-AFAM-STRASSE-1", AmbitoMatcher.registeredCode("Straße - 1"), "ASCII only");

        // every unlisted name of the real export: a well-formed code, distinct names never share one
        Map<String, String> codeToName = new HashMap<>();
        TreeSet<String> names = new TreeSet<>();
        AfamFixture.rows().forEach(r -> names.add(r.get("AMBITO")));
        assertEquals(70, names.size());
        Map<String, String> resolved = MATCHER.resolveAll(names);
        assertEquals(70, resolved.size());
        for (String n : names) {
            if (MATCHER.match(n) != null) continue;
            String code = resolved.get(n);
            assertEquals(AmbitoMatcher.registeredCode(n), code);
            assertTrue(code.matches("AMB-AFAM-[A-Z0-9]+(-[A-Z0-9]+)*"), code);
            assertNull(codeToName.put(code, n), "two names give " + code);
        }
        assertEquals(61, codeToName.size());
    }

    @Test
    void districtNumbersAreIgnoredOnlyWhereThatIsSafe(@TempDir Path dir) throws IOException {
        AmbitoMatcher m = AmbitoMatcher.of(territory(dir, """
                AMB-BRESCIA;Brescia;030721;030326;
                AMB-BS-OVEST;Brescia Ovest - 2;030721;030326;
                AMB-GARDA;Garda;030723;030326;
                AMB-LOMAZZO;Lomazzo;030712;030322;
                """));
        assertEquals("AMB-BRESCIA", m.match("BRESCIA - 1"));
        assertEquals("AMB-BRESCIA", m.match("BRESCIA"));
        assertEquals("AMB-BS-OVEST", m.match("BRESCIA OVEST - 2"));
        assertEquals("AMB-BS-OVEST", m.match("BRESCIA OVEST"));
        assertNull(m.match("BRESCIA OVEST - 3"), "the district numbers disagree");
        assertEquals("AMB-GARDA", m.match("GARDA - SALO' - 11"), "one of its parts names a single Ambito");
        assertEquals("AMB-LOMAZZO", m.match("LOMAZZO - FINO MORNASCO"));
        assertNull(m.match("BASSA BRESCIANA CENTRALE - 9"));
    }

    @Test
    void twoReferenceAmbitiAreNeverMatchedToOneName(@TempDir Path dir) throws IOException {
        AmbitoMatcher m = AmbitoMatcher.of(territory(dir, """
                AMB-GARDA;Garda;030723;030326;
                AMB-SALO;Salò;030723;030326;
                AMB-BS-1;Brescia - 1;030721;030326;
                AMB-BS-2;Brescia - 2;030721;030326;
                """));
        assertNull(m.match("GARDA - SALO' - 11"), "its parts name two different Ambiti");
        assertEquals("AMB-GARDA", m.match("GARDA"));
        assertEquals("AMB-SALO", m.match("SALO'"));
        assertEquals("AMB-BS-1", m.match("BRESCIA - 1"));
        assertEquals("AMB-BS-2", m.match("BRESCIA-2"));
        assertNull(m.match("BRESCIA"), "without a number it could be either");
        assertNull(m.match("BRESCIA - 3"));
        assertEquals("AMB-AFAM-BRESCIA", m.resolve("BRESCIA"));
    }

    @Test
    void aliasesMustNameAnAmbitoOfTheReference(@TempDir Path dir) throws IOException {
        Path file = CONFIG.ambitiFile().resolveSibling(AmbitoMatcher.ALIAS_FILE);
        List<AmbitoMatcher.Alias> conf = AmbitoMatcher.readAliases(file);
        assertFalse(conf.isEmpty());
        for (AmbitoMatcher.Alias a : conf) {
            assertEquals(a.codiceAmbito(), MATCHER.match(a.nomeAfam()), a.toString());
            assertFalse(a.nota().isBlank(), "each alias says why: " + a);
        }
        assertThrows(ConfigException.class, () -> AmbitoMatcher.of(TERRITORY,
                List.of(new AmbitoMatcher.Alias("MILANO CITTA'", "AMB-MILANO", "no such Ambito"))));
        Path other = dir.resolve("ambiti_alias.csv");
        Files.writeString(other, "nome_afam;codice_ambito;nota\nMAGENTA;;missing code\n", StandardCharsets.UTF_8);
        assertThrows(ConfigException.class, () -> AmbitoMatcher.readAliases(other));
    }

    @Test
    void theMatcherIsSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(MATCHER);
        }
        AmbitoMatcher copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (AmbitoMatcher) in.readObject();
        }
        assertEquals("AMB-SARONNO", copy.match("SARONNO"));
        assertEquals("AMB-ABBIATENSE", copy.match("ABBIATEGRASSO"));
    }

    private static Territory territory(Path dir, String ambitiRows) throws IOException {
        Path a = dir.resolve("ambiti.csv");
        Files.writeString(a, "codice_ambito;denominazione;codice_asst;codice_ats;comuni_istat\n" + ambitiRows, StandardCharsets.UTF_8);
        return Territory.load(CONFIG.comuniFile(), CONFIG.atsAsstFile(), a, "03");
    }
}
