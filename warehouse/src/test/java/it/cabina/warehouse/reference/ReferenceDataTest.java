package it.cabina.warehouse.reference;

import it.cabina.warehouse.config.CabinaConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ReferenceDataTest {
    private final CabinaConfig config = CabinaConfig.load();

    @Test
    void territoryHoldsAllLombardyComuniAndTheHealthAuthorities() {
        Territory t = Territory.load(config.comuniFile(), config.atsAsstFile(), config.ambitiFile(), config.regionCode());
        assertEquals(1502, t.comuni().size());
        assertEquals(8, t.authorities("ATS").size());
        assertEquals(27, t.authorities("ASST").size());
        assertEquals("Milano", t.comune("015146").denominazione());
        Territory.Ambito saronno = t.ambito("AMB-SARONNO");
        assertEquals("030711", saronno.codiceAsst());
        assertEquals("030322", saronno.codiceAts());
        assertEquals(saronno, t.ambitoOfComune("012119"));
    }

    @Test
    void codeListsAreReadFromConf() {
        CodeLists lists = CodeLists.load(config.codelistsDir());
        assertEquals(11, lists.get("figura_professionale").codes().size());
        assertTrue(lists.get("area_utenza").contains("MINORI_FAMIGLIA"));
        assertEquals("ANZIANI", lists.get("tipo_unita_afam").get("ALLOGGIO PROTETTO ANZIANI").attribute("target"));
        assertThrows(RuntimeException.class, () -> lists.get("nope"));
    }
}
