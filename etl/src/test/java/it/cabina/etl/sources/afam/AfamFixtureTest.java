package it.cabina.etl.sources.afam;

import it.cabina.warehouse.reference.CodeList;
import it.cabina.warehouse.reference.CodeLists;
import it.cabina.warehouse.reference.Territory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Facts about the real export that the loader relies on, checked on the excerpt. */
class AfamFixtureTest {

    static final String HEADER = "CODICE_ATS,ATS,CODICE_ASST,ASST,AMBITO,COD_EG,DENOMINAZIONE_EG,CODICE_FISCALE_EG,"
            + "PARTITA_IVA_EG,UNITA_OFFERTE_SOCIALI,CODICE_CUDES,DENOMINAZIONE_STRUTTURA,NR_POSTI,PROV,CAP,"
            + "COMUNE_DI_UBICAZIONE,FRAZIONE,INDIRIZZO_STRUTTURA,TELEFONO_STRUTTURA,FAX_STRUTTURA,EMAIL_STRUTTURA,"
            + "SITO_WEB_MAIL,WGS84_Y,WGS84_X,location";

    @Test
    void headerEncodingAndLineEndingsAreThoseOfTheExport() throws IOException {
        byte[] bytes;
        try (InputStream in = AfamFixtureTest.class.getResourceAsStream(AfamFixture.RESOURCE)) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(HEADER + "\n"), "header, no BOM, LF");
        assertFalse(text.contains("\r"));
        assertTrue(text.endsWith("\n"));
        assertEquals(200, text.split("\n").length);
    }

    @Test
    void codesKeepLeadingZerosAndCapacityIsAnInteger() {
        for (Map<String, String> r : AfamFixture.rows()) {
            assertTrue(r.get("CODICE_CUDES").matches("\\d{6}"), r.toString());
            assertTrue(r.get("CODICE_ATS").matches("0303\\d\\d"));
            assertTrue(r.get("CODICE_ASST").matches("0307\\d\\d"));
            assertTrue(r.get("CAP").matches("\\d{5}"));
            assertTrue(r.get("NR_POSTI").matches("\\d+"), "NR_POSTI " + r.get("NR_POSTI"));
            assertEquals("POINT (" + r.get("WGS84_X") + " " + r.get("WGS84_Y") + ")", r.get("location"));
            double lat = Double.parseDouble(r.get("WGS84_Y"));
            double lon = Double.parseDouble(r.get("WGS84_X"));
            assertTrue(lat > 44.6 && lat < 46.7 && lon > 8.4 && lon < 11.5, "in Lombardy: " + lat + " " + lon);
        }
    }

    @Test
    void quotedValuesParseToTheirText() {
        List<Map<String, String>> rows = AfamFixture.rows();
        Set<String> strutture = rows.stream().map(r -> r.get("DENOMINAZIONE_STRUTTURA")).collect(java.util.stream.Collectors.toSet());
        assertTrue(strutture.contains("CENTRO DIURNO ANZIANI \"ISOLINO VIRGINIA\""));
        Set<String> enti = rows.stream().map(r -> r.get("DENOMINAZIONE_EG")).collect(java.util.stream.Collectors.toSet());
        assertTrue(enti.contains("\"FONDAZIONE \"\"CASA DI RIPOSO CITTA' DI TIRANO\"\" ONLUS\""), "quoted twice at the source");
        assertTrue(rows.stream().anyMatch(r -> r.get("INDIRIZZO_STRUTTURA").equals("VIA CESARE CANTU',75/B")));
    }

    @Test
    void ambitiAuthoritiesAndTypesAreKnownToTheReference() {
        Territory t = AfamFixture.territory();
        CodeList types = CodeLists.load(AfamFixture.config().codelistsDir()).get("tipo_unita_afam");
        for (Map<String, String> r : AfamFixture.rows()) {
            Territory.HealthAuthority asst = t.authority(r.get("CODICE_ASST"));
            assertNotNull(asst, r.get("CODICE_ASST"));
            assertEquals("ASST", asst.livello());
            assertEquals(r.get("CODICE_ATS"), asst.codicePadre(), "ASST " + asst.codice() + " belongs to the declared ATS");
            assertTrue(types.contains(r.get("UNITA_OFFERTE_SOCIALI")), r.get("UNITA_OFFERTE_SOCIALI"));
            assertEquals("ANZIANI", types.get(r.get("UNITA_OFFERTE_SOCIALI")).attribute("target"));
        }
    }
}
