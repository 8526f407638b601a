package it.cabina.generator;

import it.cabina.generator.CaseRecords.CaseInfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The social records of the persons an Ambito follows: for each person a case (presa in carico), its assessments
 * and projects, a protected discharge for some, with the versions a sender's system produces over time (the case
 * closed, a project's plan made integrated, a discharge completed, a person's residence corrected). Each area
 * follows its own path so that every indicator of indicators.md has material: SAD projects for elderly
 * non-self-sufficient persons, PIPPI pre/post assessments and projects (the share of families in PIPPI is the
 * Ambito's own), Dopo di Noi assessments, EEMM for inclusion, repeated protected discharges of some elderly persons.
 *
 * <p>Contract 1.2: a small share of the cases of adult women are victims of violence ({@code vittima_violenza}=S,
 * mostly among fragile adults), some of whom stay in a shelter or a mother-and-child community (FLUSSO services of
 * 1.2). The flag is recorded on every case (a 1.1 delivery does not carry it); an Ambito that leaves it empty on some
 * cases it opens under 1.2 has {@code emptyFlagShare} above 0.
 */
final class CareJourneys {
    private final CsiTimeline tl;
    private final Rand r;
    private final IdSequence ids;
    private final String ambitoCode;
    private final List<String> comuni;
    private final List<String> allComuni;
    private final double pippiShare;
    private final LocalDate since12;
    private final double emptyFlagShare;
    final Map<String, LocalDate> caseOpenings = new HashMap<>();
    final List<ScenarioMark> marks = new ArrayList<>();
    final CaseRecords records;

    /**
     * @param pippiShare     share of the family cases that go through PIPPI
     * @param since12        the first day the Ambito sends contract 1.2 (null: never)
     * @param emptyFlagShare share of the cases opened under 1.2 whose violence flag is left empty (unknown)
     */
    CareJourneys(CsiTimeline tl, Rand r, IdSequence ids, String ambitoCode, List<String> comuni,
                 List<String> allComuni, List<String> hospitals, double pippiShare, LocalDate since12,
                 double emptyFlagShare) {
        this.tl = tl;
        this.r = r;
        this.ids = ids;
        this.ambitoCode = ambitoCode;
        this.comuni = comuni;
        this.allComuni = allComuni;
        this.pippiShare = pippiShare;
        this.since12 = since12;
        this.emptyFlagShare = emptyFlagShare;
        this.records = new CaseRecords(tl, r, ids, comuni, hospitals, marks);
    }

    /** Follows a person in the given area: person record, one case (sometimes a second one later) and its path. */
    void follow(Person p, Area area) {
        String comune = r.chance(0.97) ? r.pick(comuni) : r.pick(allComuni);
        LocalDate open = openingDate();
        boolean viaDischarge = area == Area.ANZIANI && r.chance(0.3) || area == Area.ADULTI_FRAGILI && r.chance(0.15);
        // a discharge is signalled at most 3 days before the case opens: the person is recorded before that
        LocalDate firstEvent = viaDischarge ? open.minusDays(4) : open;
        String pid = ids.next(Layout.PERSONE);
        Row person = personRow(pid, p, comune);
        tl.emit(r.officeTime(firstEvent.minusDays(r.between(0, 3))), person);
        CaseInfo c = openCase(pid, p, area, open, viaDischarge, comune);
        if (c.close() != null && r.chance(0.07)) {
            LocalDate again = c.close().plusDays(r.between(30, 200));
            if (!again.isAfter(tl.to.minusDays(20))) openCase(pid, p, area, again, false, comune);
        }
        if (comuni.size() > 1 && r.chance(0.03)) {
            LocalDate moved = r.date(open.plusDays(30), tl.to);
            String newComune = other(comune);
            Row corrected = person.copy().set("comune_residenza", newComune);
            if (tl.emit(r.officeTime(moved), corrected)) {
                marks.add(new ScenarioMark(ScenarioMark.CORRECTION, last(), "comune_residenza=" + newComune));
            }
        }
    }

    /** An elderly person discharged from hospital without a case (needs not met or services not activated). */
    void dischargeOnly(Person p) {
        LocalDate segnalazione = r.date(tl.from, tl.to.minusDays(10));
        String pid = ids.next(Layout.PERSONE);
        Row person = personRow(pid, p, r.pick(comuni));
        tl.emit(r.officeTime(segnalazione.minusDays(1)), person);
        records.discharge(pid, null, segnalazione, segnalazione, false);
        if (r.chance(0.1)) {
            LocalDate again = segnalazione.plusDays(r.between(20, 150));
            if (!again.isAfter(tl.to.minusDays(10))) records.discharge(pid, null, again, again, false);
        }
    }

    private LocalDate openingDate() {
        if (r.chance(0.25)) return r.date(tl.backlogStart, tl.from.minusDays(1));
        return r.date(tl.from, tl.to.minusDays(20));
    }

    private CaseInfo openCase(String pid, Person p, Area area, LocalDate open, boolean viaDischarge, String comune) {
        String cid = ids.next(Layout.PRESE_IN_CARICO);
        LocalDate close = open.plusDays(r.between(area.minDays, area.maxDays));
        if (close.isBefore(tl.from)) close = tl.from.plusDays(r.between(10, 400));
        if (close.isAfter(tl.to)) close = null;
        CaseInfo c = new CaseInfo(cid, area, open, close, viaDischarge);
        caseOpenings.put(cid, open);
        String canale = viaDischarge ? "DIMISSIONE_PROTETTA" : r.weighted(Area.CANALI, area.canaleWeights);
        Row row = new Row(Layout.PRESE_IN_CARICO).set("id_presa_in_carico", cid).set("id_persona", pid)
                .set("codice_ambito", ambitoCode).set("comune_competenza", comuni.contains(comune) ? comune : r.pick(comuni))
                .set("area_utenza", area.name()).set("canale_accesso", canale).set("data_apertura", Formats.date(open))
                .set("condizione_complessa", Formats.flag(r.chance(area.complex)))
                .set("integrata_asst", Formats.flag(r.chance(area.integrated + 0.05 * tl.trend(open))));
        boolean victim = p.sesso().equals("F") && open.getYear() - p.birthDate().getYear() >= 18 && r.chance(area.violence);
        boolean unknown = since12 != null && !open.isBefore(since12) && r.chance(emptyFlagShare);
        row.set("vittima_violenza", unknown ? "" : Formats.flag(victim));
        tl.emit(r.officeTime(open), row);
        if (victim) shelter(p, open, close);
        if (viaDischarge) {
            records.discharge(pid, cid, open.minusDays(r.between(1, 3)), open, area == Area.ADULTI_FRAGILI && r.chance(0.5));
            if (area == Area.ANZIANI && r.chance(0.15)) {
                // readmitted and discharged again while followed
                LocalDate again = open.plusDays(r.between(30, 200));
                if ((close == null || again.isBefore(close)) && !again.isAfter(tl.to.minusDays(10))) {
                    records.discharge(pid, cid, again, open, false);
                }
            }
        }
        switch (area) {
            case ANZIANI -> elderlyPath(c, p);
            case DISABILI -> disabilityPath(c, p);
            case MINORI_FAMIGLIA -> familyPath(c, p);
            case POVERTA_INCLUSIONE -> inclusionPath(c, p);
            case ADULTI_FRAGILI -> fragileAdultPath(c, p);
        }
        if (row.get("condizione_complessa").equals("N") && r.chance(0.06)) {
            LocalDate d = open.plusDays(r.between(20, 120));
            if (close == null || d.isBefore(close)) {
                row = row.copy().set("condizione_complessa", "S");
                tl.emit(r.officeTime(d), row);
            }
        }
        if (close != null) {
            Row closed = row.copy().set("data_chiusura", Formats.date(close))
                    .set("motivo_chiusura", r.weighted(Area.MOTIVI, area.motivoWeights));
            tl.emit(r.officeTime(close), closed);
        }
        return c;
    }

    /**
     * Some women victims of violence stay in a shelter (CASA_RIFUGIO) for one to four months, and some then, or
     * instead, in a mother-and-child community (COMUNITA_MAMMA_BAMBINO) for three to nine months.
     */
    private void shelter(Person p, LocalDate open, LocalDate close) {
        LocalDate start = open.plusDays(r.between(0, 15));
        if (r.chance(0.45)) {
            LocalDate end = start.plusDays(r.between(20, 120));
            records.spans.add(new ServiceSpan(p.taxCode(), r.pick(comuni), "CASA_RIFUGIO", start, end, ""));
            start = end.plusDays(1);
            if (!r.chance(0.3)) return;
        } else if (!r.chance(0.15)) {
            return;
        }
        LocalDate end = start.plusMonths(r.between(3, 9));
        if (close != null && end.isAfter(close)) end = close.isBefore(start) ? start : close;
        records.spans.add(new ServiceSpan(p.taxCode(), r.pick(comuni), "COMUNITA_MAMMA_BAMBINO", start, end, ""));
    }

    // ---- paths per area -------------------------------------------------------------------------------------

    private void elderlyPath(CaseInfo c, Person p) {
        LocalDate d = c.open().plusDays(r.between(2, 25));
        String bisogno = r.weighted(List.of("ALTO", "MEDIO", "BASSO"), new double[]{45, 35, 20});
        boolean nonAuto = r.chance(switch (bisogno) { case "ALTO" -> 0.9; case "MEDIO" -> 0.7; default -> 0.3; });
        String misura = c.viaDischarge() ? (r.chance(0.6) ? "DIMISSIONI_PROTETTE" : "SAD")
                : bisogno.equals("ALTO") && nonAuto ? r.weighted(List.of("B1", "SAD", "B2"), new double[]{30, 45, 25})
                : r.weighted(List.of("B2", "SAD", "NESSUNA"), new double[]{35, 45, 20});
        String strumento = r.weighted(List.of("SVAMA", "SCHEDA_UNICA_DISTRETTO", "ALTRO"), new double[]{70, 25, 5});
        String esito = records.esito(0.78);
        String vid = records.assess(c, d, "UVM", strumento, records.figures(d, 0.5, 0.5, 0.6, 0, 0.4, 0.5, 0.05, 0, 0, 0.3, 0.05),
                bisogno, Formats.flag(nonAuto), misura, esito, "", 0.5);
        if (vid != null && esito.equals("PROGETTO")) {
            boolean sadMeasure = misura.equals("SAD") || misura.equals("DIMISSIONI_PROTETTE");
            List<String> services = records.services(new double[]{sadMeasure ? 1 : 0.85, c.viaDischarge() ? 0.4 : 0.2,
                    0.3, 0.3, 0.1, 0, 0, 0, 0.1, 0.03}, "PASTI");
            boolean sad = services.contains("SAD");
            LocalDate start = d.plusDays(r.between(3, 30));
            records.project(c, p, r.chance(0.15) ? null : vid, "PAI", start, services,
                    r.chance(sad ? 0.45 + 0.15 * tl.trend(start) : 0.2),
                    c.viaDischarge() && sad && r.chance(0.5));
        }
        if (vid != null && r.chance(0.3)) {
            LocalDate again = d.plusDays(r.between(180, 365));
            records.assess(c, again, r.chance(0.5) ? "UVM" : "SOCIALE", strumento,
                    records.figures(again, 0.5, 0.5, 0.5, 0, 0.4, 0.4, 0.05, 0, 0, 0.3, 0.05), r.pick("ALTO", "MEDIO"),
                    Formats.flag(nonAuto), misura, r.pick("IN_CORSO", "NESSUN_INTERVENTO"), "", 0.5);
        }
    }

    private void disabilityPath(CaseInfo c, Person p) {
        LocalDate d = c.open().plusDays(r.between(5, 40));
        int age = d.getYear() - p.birthDate().getYear();
        String misura = age >= 18 && r.chance(0.25) ? "DOPO_DI_NOI"
                : r.weighted(List.of("B1", "B2", "NESSUNA"), new double[]{20, 40, 40});
        String strumento = r.weighted(List.of("SVAMDI", "SCHEDA_UNICA_DISTRETTO", "ALTRO"), new double[]{75, 15, 10});
        String esito = records.esito(0.7);
        String vid = records.assess(c, d, r.chance(0.5) ? "UVM" : "EEMM", strumento,
                records.figures(d, 0.5, 0.3, 0.3, age < 14 ? 0.4 : 0, 0.1, 0.5, 0.4, 0.4, age < 18 ? 0.6 : 0, 0.1, 0.05),
                r.weighted(List.of("ALTO", "MEDIO", "BASSO"), new double[]{35, 45, 20}), Formats.flag(r.chance(0.6)),
                misura, esito, "", misura.equals("DOPO_DI_NOI") ? 0.85 : 0.4);
        if (vid != null && esito.equals("PROGETTO")) {
            LocalDate start = d.plusDays(r.between(5, 40));
            records.project(c, p, vid, misura.equals("DOPO_DI_NOI") ? "PROGETTO_DI_VITA" : "PROGETTO_INDIVIDUALIZZATO", start,
                    records.services(new double[]{0.15, 0.05, 0, 0, 0, 0.4, 0.3, 0.05, 0.35, 0.1}, "CSE"), r.chance(0.25), false);
        }
    }

    private void familyPath(CaseInfo c, Person p) {
        LocalDate d = c.open().plusDays(r.between(5, 30));
        if (r.chance(pippiShare)) {
            String esito = records.esito(0.75);
            String pre = records.assess(c, d, "PRE_ASSESSMENT", "MULTIDIMENSIONALE_PIPPI",
                    records.figures(d, 0.3, 0.8, 0, 0.3, 0, 0, 0.5, 0.7, 0.2, 0, 0.05), r.pick("ALTO", "MEDIO"), "N", "PIPPI",
                    esito, "", 0.25);
            if (pre == null) return;
            LocalDate post = d.plusDays(r.between(270, 420));
            String postId = records.assess(c, post, "POST_ASSESSMENT", "MULTIDIMENSIONALE_PIPPI",
                    records.figures(post, 0.3, 0.8, 0, 0.3, 0, 0, 0.5, 0.7, 0.2, 0, 0.05), r.pick("MEDIO", "BASSO"), "N",
                    "PIPPI", r.pick("IN_CORSO", "NESSUN_INTERVENTO"), Formats.flag(r.chance(0.6)), 0.25);
            if (esito.equals("PROGETTO")) {
                LocalDate start = d.plusDays(r.between(5, 25));
                records.project(c, p, pre, "PROGETTO_PIPPI", start,
                        records.services(new double[]{0, 0, 0, 0, 0, 0, 0, 0.8, 0, 0.2}, "EDUCATIVA_DOMICILIARE"), false, false,
                        postId != null ? post.plusDays(r.between(0, 30)) : null);
            }
        } else {
            String esito = records.esito(0.6);
            String vid = records.assess(c, d, "SOCIALE", r.chance(0.5) ? "ALTRO" : "",
                    records.figures(d, 0.2, 0.8, 0, 0.2, 0, 0, 0.3, 0.4, 0.1, 0, 0.1), r.pick("MEDIO", "BASSO"), "N", "NESSUNA",
                    esito, "", 0.15);
            if (vid != null && esito.equals("PROGETTO")) {
                records.project(c, p, vid, "PROGETTO_INDIVIDUALIZZATO", d.plusDays(r.between(5, 30)),
                        records.services(new double[]{0, 0, 0, 0, 0, 0, 0, 0.9, 0.05, 0.1}, "EDUCATIVA_DOMICILIARE"), false, false);
            }
        }
    }

    private void inclusionPath(CaseInfo c, Person p) {
        LocalDate d = c.open().plusDays(r.between(5, 40));
        String esito = records.esito(0.75);
        String vid = records.assess(c, d, "EEMM", r.chance(0.4) ? "SCHEDA_UNICA_DISTRETTO" : "ALTRO",
                records.figures(d, 0.7, 0.6, 0, 0, 0, 0, 0.15, 0.2, 0, 0, 0.5), r.pick("MEDIO", "BASSO"), "N",
                r.chance(0.8) ? "ADI_INCLUSIONE" : "NESSUNA", esito, "", 0.3);
        if (vid != null && esito.equals("PROGETTO")) {
            LocalDate start = d.plusDays(r.between(5, 30));
            if (records.project(c, p, vid, "PATTO_INCLUSIONE", start,
                    r.chance(0.7) ? List.of() : List.of("ALTRO"), false, false)) {
                records.spans.add(new ServiceSpan(p.taxCode(), r.pick(comuni), "CONTRIBUTO_ECONOMICO", start,
                        start.plusMonths(r.between(2, 6)), ""));
            }
        }
    }

    private void fragileAdultPath(CaseInfo c, Person p) {
        LocalDate d = c.open().plusDays(r.between(3, 30));
        String esito = records.esito(0.55);
        String vid = records.assess(c, d, "SOCIALE", r.chance(0.3) ? "SCHEDA_UNICA_DISTRETTO" : "ALTRO",
                records.figures(d, 0.3, 0.8, 0.1, 0, 0.05, 0.1, 0.2, 0.1, 0, 0.05, 0.2), r.pick("ALTO", "MEDIO", "BASSO"),
                Formats.flag(r.chance(0.15)), r.chance(0.3) ? "ADI_INCLUSIONE" : "NESSUNA", esito, "", 0.25);
        if (vid != null && esito.equals("PROGETTO")) {
            records.project(c, p, vid, "PROGETTO_INDIVIDUALIZZATO", d.plusDays(r.between(3, 25)),
                    records.services(new double[]{0.05, 0, 0.3, 0.05, 0, 0, 0, 0, 0.2, 0.5}, "ALTRO"), false, false);
        }
    }

    private String other(String comune) {
        String c;
        do c = r.pick(comuni); while (c.equals(comune));
        return c;
    }

    private static Row personRow(String pid, Person p, String comune) {
        return new Row(Layout.PERSONE).set("id_persona", pid).set("codice_fiscale", p.taxCode())
                .set("sesso", p.sesso()).set("data_nascita", Formats.date(p.birthDate()))
                .set("comune_residenza", comune).set("cittadinanza", p.cittadinanza());
    }

    private CsiVersion last() {
        return tl.versions.get(tl.versions.size() - 1);
    }
}
