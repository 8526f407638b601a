package it.cabina.generator;

import it.cabina.warehouse.quality.RuleCode;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static it.cabina.generator.Mutation.of;
import static it.cabina.generator.Mutation.onlyIn;
import static it.cabina.generator.Mutation.when;
import static it.cabina.warehouse.quality.RuleCode.*;

/**
 * The catalogue of defects per file, following the rules of extracts.md. Each mutation breaks one rule and keeps
 * every other rule of the row satisfied (dates it touches stay parseable and in order unless order is the rule).
 * Contract 1.2 (§9) adds its own: a 1.2 code in a 1.1 delivery, a 1.2 field missing or wrong in a 1.2 delivery, and
 * the rules of the milestones.
 */
final class Mutations {
    private static final Map<Layout, List<Mutation>> BY_LAYOUT = new EnumMap<>(Layout.class);

    static {
        BY_LAYOUT.put(Layout.PERSONE, List.of(
                of(REQUIRED, "sesso", (row, c, r) -> row.set("sesso", "")),
                of(FORMAT, "data_nascita", (row, c, r) -> row.set("data_nascita", badDate(row.get("data_nascita"), r))),
                of(CODE, "cittadinanza", (row, c, r) -> row.set("cittadinanza", r.pick("ITALIANA", "EXTRACOMUNITARIA", "APOLIDE"))),
                of(TAX_CODE, "codice_fiscale", (row, c, r) -> row.set("codice_fiscale", badTaxCode(row.get("codice_fiscale"), r))),
                of(FUTURE_DATE, "data_nascita", (row, c, r) -> row.set("data_nascita", date(row, "data_nascita").withYear(r.between(2040, 2090)))),
                of(AGE_RANGE, "data_nascita", (row, c, r) -> row.set("data_nascita", date(row, "data_nascita").withYear(r.between(1880, 1899)))),
                of(UNKNOWN_COMUNE, "comune_residenza", (row, c, r) -> row.set("comune_residenza", r.pick(c.unknownComuni()))),
                columns()));
        BY_LAYOUT.put(Layout.PRESE_IN_CARICO, List.of(
                of(REQUIRED, "canale_accesso", (row, c, r) -> row.set("canale_accesso", "")),
                of(FORMAT, "data_apertura", (row, c, r) -> row.set("data_apertura", badDate(row.get("data_apertura"), r))),
                of(CODE, "area_utenza", (row, c, r) -> row.set("area_utenza", r.pick("ANZIANO", "MINORI", "DIPENDENZE"))),
                of(SENDER_MISMATCH, "codice_ambito", (row, c, r) -> row.set("codice_ambito", c.otherAmbito())),
                of(UNKNOWN_REFERENCE, "id_persona", (row, c, r) -> row.set("id_persona", c.unknownId().apply(Layout.PERSONE))),
                of(DATE_ORDER, "data_chiusura", (row, c, r) -> {
                    row.set("data_chiusura", Formats.date(date(row, "data_apertura").minusDays(r.between(1, 90))));
                    if (row.get("motivo_chiusura").isEmpty()) row.set("motivo_chiusura", r.pick(Area.MOTIVI));
                }),
                of(REQUIRED_IF, "motivo_chiusura", (row, c, r) -> {
                    if (row.get("data_chiusura").isEmpty()) {
                        LocalDate open = date(row, "data_apertura");
                        LocalDate updated = LocalDate.parse(row.get("aggiornato_il").substring(0, 10));
                        LocalDate close = open.plusDays(r.between(10, 100));
                        row.set("data_chiusura", Formats.date(close.isAfter(updated) ? updated : close));
                    }
                    row.set("motivo_chiusura", "");
                }),
                onlyIn(SpecVersion.V1_2, FORMAT, "vittima_violenza", (row, c, r) -> row.set("vittima_violenza", r.pick("SI", "X", "1"))),
                columns()));
        BY_LAYOUT.put(Layout.VALUTAZIONI, List.of(
                of(REQUIRED, "esito", (row, c, r) -> row.set("esito", "")),
                of(REQUIRED, "figure_professionali", (row, c, r) -> row.set("figure_professionali", "")),
                of(FORMAT, "data_valutazione", (row, c, r) -> row.set("data_valutazione", badDate(row.get("data_valutazione"), r))),
                of(CODE, "misura", (row, c, r) -> row.set("misura", r.pick("B3", "REI", "HCP"))),
                of(CODE, "figure_professionali", (row, c, r) -> row.set("figure_professionali", row.get("figure_professionali") + "|OSS")),
                of(UNKNOWN_REFERENCE, "id_presa_in_carico", (row, c, r) -> row.set("id_presa_in_carico", c.unknownId().apply(Layout.PRESE_IN_CARICO))),
                of(DATE_ORDER, "data_valutazione", (row, c, r) -> {
                    LocalDate open = c.caseOpening().apply(row.get("id_presa_in_carico"));
                    row.set("data_valutazione", Formats.date(open.minusDays(r.between(1, 60))));
                }),
                when(NOT_ALLOWED, "obiettivo_raggiunto", row -> !row.get("tipo_valutazione").equals("POST_ASSESSMENT"),
                        (row, c, r) -> row.set("obiettivo_raggiunto", r.pick("S", "N"))),
                columns()));
        BY_LAYOUT.put(Layout.PROGETTI, List.of(
                of(REQUIRED, "tipo_progetto", (row, c, r) -> row.set("tipo_progetto", "")),
                of(FORMAT, "data_avvio", (row, c, r) -> row.set("data_avvio", badDate(row.get("data_avvio"), r))),
                of(CODE, "servizi", (row, c, r) -> row.set("servizi", row.get("servizi").isEmpty() ? "BADANTE" : row.get("servizi") + "|BADANTE")),
                of(UNKNOWN_REFERENCE, "id_presa_in_carico", (row, c, r) -> row.set("id_presa_in_carico", c.unknownId().apply(Layout.PRESE_IN_CARICO))),
                of(DATE_ORDER, "data_chiusura", (row, c, r) -> row.set("data_chiusura", Formats.date(date(row, "data_avvio").minusDays(r.between(1, 60))))),
                columns()));
        BY_LAYOUT.put(Layout.DIMISSIONI_PROTETTE, List.of(
                of(REQUIRED, "data_segnalazione", (row, c, r) -> row.set("data_segnalazione", "")),
                of(FORMAT, "data_segnalazione", (row, c, r) -> row.set("data_segnalazione", badDate(row.get("data_segnalazione"), r))),
                of(CODE, "destinazione", (row, c, r) -> row.set("destinazione", r.pick("RSA", "OSPEDALE"))),
                of(UNKNOWN_REFERENCE, "id_persona", (row, c, r) -> row.set("id_persona", c.unknownId().apply(Layout.PERSONE))),
                of(DATE_ORDER, "data_dimissione", (row, c, r) -> {
                    if (row.get("data_dimissibilita").isEmpty()) {
                        row.set("data_dimissibilita", Formats.date(date(row, "data_segnalazione").plusDays(r.between(3, 6))));
                    }
                    row.set("data_dimissione", Formats.date(date(row, "data_dimissibilita").minusDays(r.between(1, 2))));
                }),
                columns()));
        BY_LAYOUT.put(Layout.ATTIVITA, List.of(
                of(REQUIRED, "stato", (row, c, r) -> row.set("stato", "")),
                of(FORMAT, "durata_ore", (row, c, r) -> row.set("durata_ore", decimalComma(row.get("durata_ore")))),
                of(FORMAT, "data", (row, c, r) -> row.set("data", badDate(row.get("data"), r))),
                of(CODE, "tipo_attivita", (row, c, r) -> row.set("tipo_attivita", r.pick("RIUNIONE", "CONVEGNO"))),
                of(SENDER_MISMATCH, "codice_ambito", (row, c, r) -> row.set("codice_ambito", c.otherAmbito())),
                of(RANGE, "durata_ore", (row, c, r) -> row.set("durata_ore", "-" + (row.get("durata_ore").isEmpty() ? "1" : row.get("durata_ore")))),
                of(RANGE, "partecipanti", (row, c, r) -> row.set("partecipanti", -r.between(1, 5))),
                onlyIn(SpecVersion.V1_1, CODE, "tipo_attivita", (row, c, r) -> row.set("tipo_attivita", r.pick(c.laterCodes().get("tipo_attivita")))),
                onlyIn(SpecVersion.V1_2, REQUIRED, "tema", (row, c, r) -> row.set("tema", "")),
                onlyIn(SpecVersion.V1_2, CODE, "tema", (row, c, r) -> row.set("tema", r.pick("WELFARE", "CULTURA", "SPORT"))),
                columns()));
        BY_LAYOUT.put(Layout.TRAGUARDI, List.of(
                of(REQUIRED_IF, "data_raggiungimento", (row, c, r) -> row.set("stato", "RAGGIUNTO").set("data_raggiungimento", "")),
                of(NOT_ALLOWED, "data_raggiungimento", (row, c, r) -> {
                    if (row.get("stato").equals("RAGGIUNTO")) {
                        row.set("stato", r.pick("PREVISTO", "NON_PIU_PREVISTO"));
                    } else {
                        row.set("data_raggiungimento", Formats.date(updatedOn(row).minusDays(r.between(0, 30))));
                    }
                }),
                of(REQUIRED_IF, "descrizione", (row, c, r) -> row.set("codice_traguardo", "ALTRO").set("descrizione", "")),
                of(FUTURE_DATE, "data_raggiungimento", (row, c, r) -> row.set("stato", "RAGGIUNTO")
                        .set("data_raggiungimento", Formats.date(c.extractedOn().plusDays(r.between(1, 120))))),
                of(SENDER_MISMATCH, "codice_ambito", (row, c, r) -> row.set("codice_ambito", c.otherAmbito())),
                of(CODE, "codice_traguardo", (row, c, r) -> row.set("codice_traguardo", r.pick("PROTOCOLLO_ASL", "CONVENZIONE_SCUOLE"))),
                of(CODE, "stato", (row, c, r) -> row.set("stato", r.pick("CONCLUSO", "IN_RITARDO", "SOSPESO")).set("data_raggiungimento", "")),
                of(CODE, "tema", (row, c, r) -> row.set("tema", r.pick("WELFARE", "URBANISTICA"))),
                of(FORMAT, "data_prevista", (row, c, r) -> row.set("data_prevista", badDate(row.get("data_prevista"), r)))));
        BY_LAYOUT.put(Layout.PRESTAZIONI, List.of(
                of(REQUIRED, "fonte_finanziamento", (row, c, r) -> row.set("fonte_finanziamento", "")),
                of(REQUIRED, "unita_misura", (row, c, r) -> row.set("unita_misura", "")),
                of(FORMAT, "quota_ssn", (row, c, r) -> {
                    int euros = r.between(1000, 4999);
                    row.set("quota_ssn", euros / 1000 + "." + String.format(Locale.ROOT, "%03d", euros % 1000) + "," + String.format(Locale.ROOT, "%02d", r.between(0, 99)));
                }),
                of(CODE, "codice_prestazione", (row, c, r) -> row.set("codice_prestazione", r.pick("ADI", "RSA", "VOUCHER"))),
                onlyIn(SpecVersion.V1_1, CODE, "codice_prestazione", (row, c, r) ->
                        row.set("codice_prestazione", r.pick(c.laterCodes().get("codice_prestazione"))).set("unita_misura", "GIORNATE")),
                of(CODE, "fonte_finanziamento", (row, c, r) -> row.set("fonte_finanziamento", r.pick("FSE", "FONDO_SANITARIO"))),
                of(SENDER_MISMATCH, "codice_ambito", (row, c, r) -> row.set("codice_ambito", c.otherAmbito())),
                of(TAX_CODE, "codice_fiscale", (row, c, r) -> row.set("codice_fiscale", badTaxCode(row.get("codice_fiscale"), r))),
                of(PERIOD, "mese", (row, c, r) -> row.set("mese", c.semester().half() == 1 ? r.between(7, 12) : r.between(1, 6))),
                of(PERIOD, "anno", (row, c, r) -> row.set("anno", c.semester().year() + (r.chance(0.5) ? 1 : -1))),
                of(PERIOD, "semestre", (row, c, r) -> row.set("semestre", 3 - c.semester().half())),
                of(RANGE, "quantita", (row, c, r) -> row.set("quantita", r.chance(0.5) ? "0" : "-" + row.get("quantita"))),
                // a tenth of a cent, or a quantity with five decimals: more digits than decimal(18,2) / (18,4) hold
                of(PRECISION, "spesa_totale", (row, c, r) -> row.set("spesa_totale", Formats.euro(Formats.parseHundredths(
                        row.get("spesa_totale").isEmpty() ? "1,00" : row.get("spesa_totale"))) + r.between(1, 9))),
                of(EXCEEDS_FIELD, "quota_utente", (row, c, r) ->
                        row.set("quota_utente", Formats.euro(Formats.parseHundredths(row.get("spesa_totale")) + 100L * r.between(1, 50)))),
                columns()));
    }

    private static final Map<RuleCode, Integer> LAYOUTS_WITH = new EnumMap<>(RuleCode.class);

    static {
        // bound mutations are planted apart (DefectInjector): the rules' spread counts the others
        BY_LAYOUT.forEach((layout, list) -> list.stream().filter(m -> !m.bound(layout)).map(Mutation::rule).distinct()
                .forEach(rule -> LAYOUTS_WITH.merge(rule, 1, Integer::sum)));
    }

    private Mutations() {}

    static List<Mutation> forLayout(Layout layout) {
        return BY_LAYOUT.getOrDefault(layout, List.of());
    }

    /** In how many files a rule can be broken (rules of a single file are injected first). */
    static int layoutsWith(RuleCode rule) {
        return LAYOUTS_WITH.getOrDefault(rule, 0);
    }

    /** How many rules only this file can break (bound mutations apart). */
    static int exclusiveRules(Layout layout) {
        return (int) forLayout(layout).stream().filter(m -> !m.bound(layout)).map(Mutation::rule).distinct()
                .filter(r -> layoutsWith(r) == 1).count();
    }

    /** The defects a file starts with: one per rule only it can break, at least one (bound mutations apart). */
    static int initialDefects(Layout layout) {
        return Math.max(1, exclusiveRules(layout));
    }

    /** A row with one field too many (a trailing separator) or one too few. */
    private static Mutation columns() {
        return Mutation.of(COLUMNS, null, (row, c, r) -> {
            int width = row.layout().width();
            row.withWidth(r.chance(0.5) ? width + 1 : width - 1, "");
        });
    }

    private static LocalDate date(Row row, String column) {
        return LocalDate.parse(row.get(column));
    }

    /** The day of a CSI row's {@code aggiornato_il}: never after its delivery's extraction. */
    private static LocalDate updatedOn(Row row) {
        return LocalDate.parse(row.get("aggiornato_il").substring(0, 10));
    }

    /** A date in a format CSI does not use, or a day that does not exist. */
    private static String badDate(String iso, Rand r) {
        LocalDate d = LocalDate.parse(iso);
        return switch (r.nextInt(3)) {
            case 0 -> Formats.ITALIAN_DATE.format(d);
            case 1 -> d.getYear() + "-02-30";
            default -> d.getYear() + "-" + String.format(Locale.ROOT, "%02d", d.getMonthValue()) + "-" + "32";
        };
    }

    /** A decimal with a comma where CSI wants a point. */
    private static String decimalComma(String value) {
        String v = value.isEmpty() ? "1.5" : value;
        return v.contains(".") ? v.replace('.', ',') : v + ",0";
    }

    /** A tax code too short, with a letter where a digit goes, or with a wrong check character. */
    static String badTaxCode(String code, Rand r) {
        return switch (r.nextInt(3)) {
            case 0 -> code.substring(0, 15);
            case 1 -> code.substring(0, 6) + "A" + code.substring(7);
            default -> code.substring(0, 15) + (char) ('A' + (code.charAt(15) - 'A' + r.between(1, 25)) % 26);
        };
    }
}
