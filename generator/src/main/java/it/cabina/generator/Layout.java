package it.cabina.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every data file of extracts.md: its source, file name and columns in order. The CSI constants are declared in
 * the order their files appear in a delivery (parents before children). A file or a column added by a later contract
 * version says so (a column written {@code name@1.2}): a delivery of an earlier version does not carry it (§9).
 */
public enum Layout {
    PERSONE(Source.CSI, "persone.csv", "id_persona", "id_persona", "codice_fiscale", "sesso", "data_nascita",
            "comune_residenza", "cittadinanza", "aggiornato_il", "stato_record"),
    PRESE_IN_CARICO(Source.CSI, "prese_in_carico.csv", "id_presa_in_carico", "id_presa_in_carico", "id_persona",
            "codice_ambito", "comune_competenza", "area_utenza", "canale_accesso", "data_apertura", "data_chiusura",
            "motivo_chiusura", "condizione_complessa", "integrata_asst", "vittima_violenza@1.2", "aggiornato_il",
            "stato_record"),
    VALUTAZIONI(Source.CSI, "valutazioni.csv", "id_valutazione", "id_valutazione", "id_presa_in_carico",
            "data_valutazione", "tipo_valutazione", "strumento", "strumento_condiviso", "congiunta_asst",
            "figure_professionali", "bisogno_assistenziale", "non_autosufficiente", "misura", "esito",
            "obiettivo_raggiunto", "aggiornato_il", "stato_record"),
    PROGETTI(Source.CSI, "progetti.csv", "id_progetto", "id_progetto", "id_presa_in_carico", "id_valutazione",
            "tipo_progetto", "data_avvio", "data_fine_prevista", "data_chiusura", "piano_unico_integrato", "servizi",
            "comprende_dimissione_protetta", "aggiornato_il", "stato_record"),
    DIMISSIONI_PROTETTE(Source.CSI, "dimissioni_protette.csv", "id_dimissione", "id_dimissione", "id_persona",
            "id_presa_in_carico", "presidio", "data_segnalazione", "data_dimissibilita", "data_dimissione",
            "destinazione", "bisogno_servizi_sociali", "servizi_attivati", "necessita_sad", "integrazione_informativa",
            "senza_dimora", "aggiornato_il", "stato_record"),
    ATTIVITA(Source.CSI, "attivita.csv", "id_attivita", "id_attivita", "codice_ambito", "data", "tipo_attivita",
            "stato", "durata_ore", "partecipanti", "enti_coinvolti", "ets_coinvolti", "verbalizzata", "tema@1.2",
            "aggiornato_il", "stato_record"),
    TRAGUARDI(Source.CSI, SpecVersion.V1_2, "traguardi.csv", "id_traguardo", "id_traguardo", "codice_ambito",
            "codice_traguardo", "tema", "descrizione", "data_prevista", "stato", "data_raggiungimento", "atto",
            "aggiornato_il", "stato_record"),
    PRESTAZIONI(Source.FLUSSO, "prestazioni.csv", "codice_fiscale", "codice_ambito", "comune_erogazione", "anno",
            "semestre", "mese", "codice_fiscale", "codice_prestazione", "codice_udo", "unita_misura", "quantita",
            "spesa_totale", "quota_utente", "quota_ssn", "fonte_finanziamento"),
    UNITA_OFFERTA(Source.AFAM, "unita_offerta.csv", "CODICE_CUDES", "CODICE_ATS", "ATS", "CODICE_ASST", "ASST",
            "AMBITO", "COD_EG", "DENOMINAZIONE_EG", "CODICE_FISCALE_EG", "PARTITA_IVA_EG", "UNITA_OFFERTE_SOCIALI",
            "CODICE_CUDES", "DENOMINAZIONE_STRUTTURA", "NR_POSTI", "PROV", "CAP", "COMUNE_DI_UBICAZIONE", "FRAZIONE",
            "INDIRIZZO_STRUTTURA", "TELEFONO_STRUTTURA", "FAX_STRUTTURA", "EMAIL_STRUTTURA", "SITO_WEB_MAIL",
            "WGS84_Y", "WGS84_X", "location");

    private final Source source;
    private final SpecVersion since;
    private final String fileName;
    private final String keyColumn;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, SpecVersion> columnSince = new HashMap<>();

    Layout(Source source, String fileName, String keyColumn, String... columns) {
        this(source, null, fileName, keyColumn, columns);
    }

    Layout(Source source, SpecVersion since, String fileName, String keyColumn, String... columns) {
        this.source = source;
        this.since = since;
        this.fileName = fileName;
        this.keyColumn = keyColumn;
        List<String> names = new ArrayList<>();
        for (String c : columns) {
            int at = c.indexOf('@');
            String name = at < 0 ? c : c.substring(0, at);
            if (at >= 0) columnSince.put(name, SpecVersion.of(c.substring(at + 1)));
            index.put(name, names.size());
            names.add(name);
        }
        this.columns = List.copyOf(names);
    }

    public Source source() { return source; }

    /** The contract version that added this file (null: every version has it). */
    public SpecVersion since() { return since; }

    /** The contract version that added this column (null: every version has it). */
    public SpecVersion since(String column) {
        indexOf(column);
        return columnSince.get(column);
    }

    public String fileName() { return fileName; }

    /** The column identifying a record (the beneficiary for FLUSSO, the unit for AFAM); reported for defects. */
    public String keyColumn() { return keyColumn; }

    /** Every column, as a {@link Row} holds them. */
    public List<String> columns() { return columns; }

    /** The columns a delivery of that version writes, in order: those added by a later version are left out. */
    public List<String> columns(SpecVersion version) {
        return columns.stream().filter(c -> version.carries(columnSince.get(c))).toList();
    }

    public int width() { return columns.size(); }

    /** Position of a column; fails on a name that is not in this layout. */
    public int indexOf(String column) {
        Integer i = index.get(column);
        if (i == null) throw new IllegalArgumentException(fileName + " has no column '" + column + "'");
        return i;
    }
}
