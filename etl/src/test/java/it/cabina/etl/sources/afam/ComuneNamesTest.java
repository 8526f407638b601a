package it.cabina.etl.sources.afam;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ComuneNamesTest {

    @Test
    void anApostropheAfterAFinalVowelIsThatVowelsAccent() {
        assertEquals("BARZANO", ComuneNames.normalize("BARZANO'"));
        assertEquals(ComuneNames.normalize("Barzanò"), ComuneNames.normalize("BARZANO'"));
        assertEquals(ComuneNames.normalize("Cantù"), ComuneNames.normalize("CANTU'"));
        assertEquals(ComuneNames.normalize("Salò"), ComuneNames.normalize("SALO'"));
        assertEquals(ComuneNames.normalize("Salò"), ComuneNames.normalize("SALO"), "the accent may also be left out");
        assertEquals(ComuneNames.normalize("Cantù"), ComuneNames.normalize("CANTU’"), "typographic apostrophe");
        assertEquals(ComuneNames.normalize("Cantù"), ComuneNames.normalize("CANTÙ"));
    }

    @Test
    void elisionsHyphensAndSpacesAreCanonical() {
        assertEquals("SANT ANGELO LODIGIANO", ComuneNames.normalize("SANT'ANGELO LODIGIANO"));
        assertEquals(ComuneNames.normalize("Sant'Angelo Lodigiano"), ComuneNames.normalize("SANT' ANGELO  LODIGIANO"));
        assertEquals(ComuneNames.normalize("Cassano d'Adda"), ComuneNames.normalize("CASSANO D'ADDA"));
        assertEquals(ComuneNames.normalize("Cassano d'Adda"), ComuneNames.normalize("Cassano d’Adda"));
        assertEquals("CA D ANDREA", ComuneNames.normalize("CA' D'ANDREA"));
        assertEquals(ComuneNames.normalize("Ca' d'Andrea"), ComuneNames.normalize("CA' D'ANDREA"));
        assertEquals(ComuneNames.normalize("Sannazzaro de' Burgondi"), ComuneNames.normalize("SANNAZZARO DE' BURGONDI"));
        assertEquals(ComuneNames.normalize("Gerre de' Caprioli"), ComuneNames.normalize("GERRE DE'CAPRIOLI"));
        assertEquals("LAVENO MOMBELLO", ComuneNames.normalize("LAVENO-MOMBELLO"));
        assertEquals(ComuneNames.normalize("Laveno-Mombello"), ComuneNames.normalize("LAVENO - MOMBELLO"));
        assertEquals("MILANO", ComuneNames.normalize("  \"Milano\" "));
    }

    @Test
    void blankAndNullGiveAnEmptyKey() {
        assertEquals("", ComuneNames.normalize(null));
        assertEquals("", ComuneNames.normalize("  '- "));
        assertEquals("|", ComuneNames.key(null, null));
        assertEquals("BARZANO|LC", ComuneNames.key("BARZANO'", " lc "));
    }

    @Test
    void noTwoIstatComuniOfLombardyShareAKey() {
        Map<String, String> seen = new HashMap<>();
        AfamFixture.territory().comuni().forEach(c -> {
            String previous = seen.put(ComuneNames.normalize(c.denominazione()), c.codiceIstat());
            assertNull(previous, "same key for " + previous + " and " + c.codiceIstat() + " " + c.denominazione());
        });
        assertEquals(1502, seen.size());
    }
}
