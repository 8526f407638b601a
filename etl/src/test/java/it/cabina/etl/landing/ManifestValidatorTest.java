package it.cabina.etl.landing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.testing.TestDeliveries;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.CodeLists;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A delivery's manifest and files checked without Spark (extracts.md §1–2): every reason a delivery is rejected whole
 * is named, with its file and column; what passes keeps its warnings.
 */
class ManifestValidatorTest {
    static final CabinaConfig CONFIG = CabinaConfig.load();
    static final Map<String, SourceRules> RULES = new LinkedHashMap<>();

    static {
        CodeLists codeLists = CodeLists.load(CONFIG.codelistsDir());
        for (String s : List.of("AFAM", "CSI", "FLUSSO")) RULES.put(s, SourceRules.load(CONFIG.rulesDir().resolve(s.toLowerCase() + ".yaml"), codeLists));
    }

    static final String P_HEAD = "id_persona;codice_fiscale;sesso;data_nascita;comune_residenza;cittadinanza;aggiornato_il;stato_record";
    static final String ROW = "P1;" + TestDeliveries.taxCode("RSSMRA40C41F205") + ";F;1940-03-01;012119;ITA;2025-02-10T10:00:00;ATTIVO";
    static final String F_HEAD = "codice_ambito;comune_erogazione;anno;semestre;mese;codice_fiscale;codice_prestazione;codice_udo;unita_misura;quantita;spesa_totale;quota_utente;quota_ssn;fonte_finanziamento";

    @TempDir
    Path landing;

    ManifestValidator.Result validate(TestDeliveries d, Consumer<ObjectNode> tamper) throws Exception {
        Path folder = d.write(tamper);
        LandingFiles files = new LandingFiles(new Configuration());
        Delivery delivery = files.discover(new org.apache.hadoop.fs.Path(landing.toUri())).deliveries().stream()
                .filter(x -> x.name().equals(d.name())).findFirst().orElseThrow();
        ManifestValidator v = new ManifestValidator(files, RULES, x -> !x.sender().equals("AMB-NOWHERE"));
        return v.validate(delivery, new org.apache.hadoop.fs.Path(folder.toUri()));
    }

    List<String> problems(TestDeliveries d, Consumer<ObjectNode> tamper) throws Exception {
        ManifestValidator.Result r = validate(d, tamper);
        assertFalse(r.ok(), "rejected");
        return r.problems();
    }

    TestDeliveries persons(String stamp) {
        return TestDeliveries.of(landing, "CSI", "AMB-SARONNO", stamp).file("persone.csv", P_HEAD, ROW);
    }

    @Test
    void aValidDeliveryPassesWithItsCountsAndChecksums() throws Exception {
        ManifestValidator.Result r = validate(persons("20250101T000000"), null);
        assertTrue(r.ok(), String.valueOf(r.problems()));
        assertEquals(1, r.accepted().file("persone.csv").records());
        assertEquals(List.of(), r.accepted().warnings());
    }

    @Test
    void checksumsCountsAndListedFilesAreChecked() throws Exception {
        assertTrue(problems(persons("20250101T000001"), m -> ((ObjectNode) m.get("files").get(0)).put("sha256", "00"))
                .get(0).startsWith("file persone.csv: sha256 "));
        assertEquals(List.of("file persone.csv: 1 data rows read, the manifest says 2"),
                problems(persons("20250101T000002"), m -> ((ObjectNode) m.get("files").get(0)).put("records", 2)));
        assertEquals(List.of("file attivita.csv is listed in the manifest but missing"), problems(persons("20250101T000003"),
                m -> ((ArrayNode) m.get("files")).addObject().put("name", "attivita.csv").put("records", 1).put("sha256", "ab")));
        assertEquals(List.of("file altro.csv is not part of the CSI layout"), problems(persons("20250101T000004"),
                m -> ((ArrayNode) m.get("files")).addObject().put("name", "altro.csv").put("records", 1).put("sha256", "ab")));
    }

    @Test
    void senderSpecVersionAndPeriodAreChecked() throws Exception {
        assertEquals(List.of("unknown sender 'AMB-NOWHERE' for source CSI"),
                problems(TestDeliveries.of(landing, "CSI", "AMB-NOWHERE", "20250101T000005").file("persone.csv", P_HEAD, ROW), null));
        assertEquals(List.of("manifest spec_version is '0.9', expected one of [1.0, 1.1, 1.2]"),
                problems(persons("20250101T000006"), m -> m.put("spec_version", "0.9")));
        assertTrue(validate(persons("20250101T000007"), m -> m.put("spec_version", "1.1")).ok(), "1.1 is read under the same rules");
        assertEquals(List.of("manifest period 2025-01-01..2025-12-31 is not one calendar semester (01-01..06-30 or 07-01..12-31)"),
                problems(TestDeliveries.of(landing, "FLUSSO", "AMB-SARONNO", "20250101T000008").period("2025-01-01", "2025-12-31")
                        .file("prestazioni.csv", F_HEAD, "AMB-SARONNO;012119;2025;1;1;;SAD;;ORE;1;1;0;0;FNA"), null));
    }

    /** Contract 1.1 (extracts.md §2): every column of the layout must be there, required or not. */
    @Test
    void aMissingColumnRejectsTheDeliveryNamingFileAndColumn() throws Exception {
        assertEquals(List.of("file persone.csv: column 'codice_fiscale' is missing from the header"),
                problems(TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000009")
                        .file("persone.csv", P_HEAD.replace("codice_fiscale;", ""), "P1;F;1940-03-01;012119;ITA;2025-02-10T10:00:00;ATTIVO"), null));
        assertEquals(List.of("file persone.csv: column 'cittadinanza' is missing from the header (every column of the layout must be"
                        + " present, even when its values may be empty)"),
                problems(TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000010")
                        .file("persone.csv", P_HEAD.replace("cittadinanza;", ""), "P1;x;F;1940-03-01;012119;2025-02-10T10:00:00;ATTIVO"), null));
        // an extra column is only a warning
        ManifestValidator.Result extra = validate(TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000011")
                .file("persone.csv", P_HEAD + ";note", ROW + ";x"), null);
        assertTrue(extra.ok());
        assertEquals(List.of("file persone.csv: extra column 'note' ignored"), extra.accepted().warnings());
    }

    static final String A_HEAD_11 = "id_attivita;codice_ambito;data;tipo_attivita;stato;durata_ore;partecipanti;enti_coinvolti;ets_coinvolti;verbalizzata;aggiornato_il;stato_record";
    static final String A_ROW_11 = "A1;AMB-SARONNO;2025-01-15;EEMM_INCONTRO;SVOLTA;2;6;3;1;S;2025-02-10T10:00:00;ATTIVO";
    static final String T_HEAD = "id_traguardo;codice_ambito;codice_traguardo;tema;descrizione;data_prevista;stato;data_raggiungimento;atto;aggiornato_il;stato_record";
    static final String T_ROW = "T1;AMB-SARONNO;PROTOCOLLO_PUA;PUA;;2025-06-30;PREVISTO;;;2025-02-10T10:00:00;ATTIVO";

    /** Contract 1.2 (extracts.md §9): its columns are required in a 1.2 delivery, extra in an earlier one. */
    @Test
    void contract12ColumnsAreRequiredIn12AndExtraBefore() throws Exception {
        assertEquals(List.of("file attivita.csv: column 'tema' is missing from the header"),
                problems(TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000012").spec("1.2")
                        .file("attivita.csv", A_HEAD_11, A_ROW_11), null));
        assertTrue(validate(TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000013").spec("1.1")
                .file("attivita.csv", A_HEAD_11, A_ROW_11), null).ok(), "a 1.1 delivery has no topic");
        ManifestValidator.Result extra = validate(TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000014").spec("1.1")
                .file("attivita.csv", A_HEAD_11.replace(";aggiornato_il", ";tema;aggiornato_il"), A_ROW_11.replace(";2025-02-10", ";PUA;2025-02-10")), null);
        assertTrue(extra.ok());
        assertEquals(List.of("file attivita.csv: extra column 'tema' ignored: it belongs to spec_version 1.2 and later, the manifest says 1.1"),
                extra.accepted().warnings());
    }

    /** The milestones' file exists from 1.2: in an earlier delivery it rejects the delivery (extracts.md §9.4). */
    @Test
    void milestonesComeWith12Only() throws Exception {
        assertTrue(validate(TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000015").spec("1.2")
                .file("traguardi.csv", T_HEAD, T_ROW), null).ok());
        assertEquals(List.of("file traguardi.csv belongs to spec_version 1.2 and later: the manifest says 1.1"),
                problems(TestDeliveries.of(landing, "CSI", "AMB-SARONNO", "20250101T000016").spec("1.1")
                        .file("traguardi.csv", T_HEAD, T_ROW), null));
    }
}
