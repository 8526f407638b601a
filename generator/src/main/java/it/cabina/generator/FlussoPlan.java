package it.cabina.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services an Ambito reports in its FLUSSO: those of the CSI projects (same tax codes, so a SAD project can be
 * matched with its SAD rows) and those of beneficiaries the CSI does not follow (nurseries, school assistance,
 * allowances, day centres, …), each with the AFAM unit that delivers it when it is given in a unit.
 */
final class FlussoPlan {
    /** Target group (as in tipo_unita_afam) of the units delivering a service; a null Ambito means any Ambito. */
    private static final Map<String, String> UNIT_TARGET = Map.of("CDI", "ANZIANI", "CSE", "DISABILI",
            "SFA", "DISABILI", "NIDO", "PRIMA_INFANZIA", "INSERIMENTO_COMUNITA_MINORI", "MINORI");
    private static final List<String> ONLY_FLUSSO = List.of("NIDO", "ASSISTENZA_EDUCATIVA", "CONTRIBUTO_ECONOMICO",
            "CDD", "INSERIMENTO_COMUNITA_MINORI", "PRONTO_INTERVENTO_SOCIALE", "SEGRETARIATO_SOCIALE", "TRASPORTO",
            "SAD", "PASTI", "ALTRO");
    private static final double[] ONLY_FLUSSO_WEIGHTS = {22, 15, 18, 6, 4, 6, 8, 8, 10, 3, 1};

    final List<ServiceSpan> spans;
    final Set<String> unknownUdo;

    private FlussoPlan(List<ServiceSpan> spans, Set<String> unknownUdo) {
        this.spans = spans;
        this.unknownUdo = unknownUdo;
    }

    static FlussoPlan build(List<ServiceSpan> csiSpans, int flussoOnlyPersons, PersonFactory persons, Rand r,
                            AfamRegistry afam, String ambitoCode, List<String> comuni, LocalDate from, LocalDate to) {
        List<ServiceSpan> all = new ArrayList<>(csiSpans);
        int n = (int) Math.round(flussoOnlyPersons * r.between(0.8, 1.2));
        for (int i = 0; i < n; i++) all.add(onlyInFlusso(r, persons, r.pick(comuni), from, to));
        Set<String> unknown = new HashSet<>();
        List<ServiceSpan> withUdo = new ArrayList<>(all.size());
        for (ServiceSpan s : all) {
            String target = UNIT_TARGET.get(s.prestazione());
            String udo = "";
            if (target != null && r.chance(0.9)) {
                if (r.chance(0.03)) {
                    udo = AfamRegistry.unknownCudes(r);
                    unknown.add(udo);
                } else {
                    List<String> units = afam.cudesFor(s.prestazione().equals("INSERIMENTO_COMUNITA_MINORI") ? null : ambitoCode, target);
                    if (!units.isEmpty()) udo = r.pick(units);
                }
            }
            withUdo.add(s.withUdo(udo));
        }
        return new FlussoPlan(List.copyOf(withUdo), Set.copyOf(unknown));
    }

    /** A beneficiary known only to the FLUSSO, with a service and a period that fit the service. */
    private static ServiceSpan onlyInFlusso(Rand r, PersonFactory persons, String comune, LocalDate from, LocalDate to) {
        String p = r.weighted(ONLY_FLUSSO, ONLY_FLUSSO_WEIGHTS);
        LocalDate start = r.date(from.minusMonths(6), to);
        LocalDate end;
        int minAge, maxAge;
        switch (p) {
            case "NIDO" -> {
                start = LocalDate.of(start.getYear(), 9, 1);
                end = LocalDate.of(start.getYear() + 1, 7, 31);
                minAge = 0;
                maxAge = 2;
            }
            case "ASSISTENZA_EDUCATIVA" -> {
                start = LocalDate.of(start.getYear(), 9, 15);
                end = LocalDate.of(start.getYear() + 1, 6, 10);
                minAge = 6;
                maxAge = 16;
            }
            case "INSERIMENTO_COMUNITA_MINORI" -> {
                end = start.plusMonths(r.between(3, 18));
                minAge = 6;
                maxAge = 17;
            }
            case "CDD" -> {
                end = start.plusMonths(r.between(12, 36));
                minAge = 18;
                maxAge = 64;
            }
            case "SAD", "PASTI", "TRASPORTO" -> {
                end = start.plusMonths(r.between(3, 12));
                minAge = 70;
                maxAge = 95;
            }
            default -> {
                end = start.plusMonths(r.between(0, 3));
                minAge = 20;
                maxAge = 70;
            }
        }
        LocalDate bornTo = start.minusYears(minAge).minusMonths(minAge == 0 ? 4 : 0);
        Person person = persons.create(r, start.minusYears(maxAge + 1).plusDays(1), bornTo, null);
        return new ServiceSpan(person.taxCode(), comune, p, start, end, "");
    }
}
