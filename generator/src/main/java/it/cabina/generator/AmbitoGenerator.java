package it.cabina.generator;

import it.cabina.generator.GenerationSummary.Scenario;
import it.cabina.generator.GenerationSummary.SemesterRef;
import it.cabina.warehouse.reference.Territory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything one Ambito sends: its CSI history (persons, cases, assessments, projects, discharges, activities and
 * the versioning scenarios) written as monthly deliveries, then its FLUSSO semesters. Memory is the Ambito's
 * records; FLUSSO rows are streamed.
 */
final class AmbitoGenerator {
    private static final double[] FOREIGN_HEAVY = {65, 7, 28};

    private final GeneratorOptions o;
    private final Reference ref;
    private final Territory.Ambito ambito;
    private final int index;
    private final PersonFactory persons;
    private final Landing landing;
    private final DefectInjector defects;
    private final List<String> unknownComuni;
    private final FlussoSchedule schedule;
    private final AfamRegistry afam;

    /** What the Ambito produced that the summary names. */
    record Result(List<Scenario> scenarios, List<SemesterRef> missing, List<SemesterRef> resent) {}

    AmbitoGenerator(GeneratorOptions o, Reference ref, Territory.Ambito ambito, int index, PersonFactory persons,
                    Landing landing, DefectInjector defects, List<String> unknownComuni, FlussoSchedule schedule,
                    AfamRegistry afam) {
        this.o = o;
        this.ref = ref;
        this.ambito = ambito;
        this.index = index;
        this.persons = persons;
        this.landing = landing;
        this.defects = defects;
        this.unknownComuni = unknownComuni;
        this.schedule = schedule;
        this.afam = afam;
    }

    Result run(List<SharedPerson> shared) {
        String code = ambito.codice();
        Rand r = Rand.derive(o.seed(), "csi", code);
        CsiTimeline tl = new CsiTimeline(o.from(), o.to());
        IdSequence ids = new IdSequence();
        Territory.HealthAuthority asst = ref.territory.authority(ambito.codiceAsst());
        List<String> allComuni = ref.territory.comuni().stream().map(Territory.Comune::codiceIstat).sorted().toList();
        CareJourneys journeys = new CareJourneys(tl, r, ids, code, ambito.comuni(), allComuni,
                Hospitals.forAsst(asst.codice(), asst.denominazione()));
        int n = (int) Math.round(o.scale().personsPerAmbito() * r.between(0.8, 1.2));
        for (int i = 0; i < n; i++) {
            Area area = Area.pick(r);
            boolean foreignHeavy = area == Area.MINORI_FAMIGLIA || area == Area.POVERTA_INCLUSIONE;
            journeys.follow(newPerson(r, area.minAge, area.maxAge,
                    foreignHeavy ? r.weighted(List.of("ITA", "UE", "EXTRA_UE"), FOREIGN_HEAVY) : null), area);
        }
        for (SharedPerson s : shared) journeys.follow(s.person(), s.area());
        for (int i = 0; i < Math.max(1, Math.round(n * 0.06)); i++) journeys.dischargeOnly(newPerson(r, 70, 95, null));
        new ActivityPlanner(tl, Rand.derive(o.seed(), "activities", code), ids, code, o.scale().activityFactor()).plan();
        new VersionScenarios(tl, Rand.derive(o.seed(), "scenarios", code), ambito.comuni(), journeys.marks)
                .apply(Math.max(1, (int) Math.round(n * 0.01)), journeys.records.referencedAssessments);

        String other = ref.otherAmbito(code);
        Rand fresh = Rand.derive(o.seed(), "defect-persons", code);
        DefectContext csiCtx = new DefectContext(other, freshCopy(ids, fresh), ids::unknown,
                journeys.caseOpenings::get, unknownComuni, null);
        Map<Integer, String> deliveryIds = new CsiWriter(landing, tl, code, index, index % 3 == 1)
                .write(d -> o.zipSome() && index % 4 == 0 && d == 1, defects, csiCtx);
        List<Scenario> scenarios = journeys.marks.stream()
                .map(m -> new Scenario(m.kind(), code, m.version().layout.fileName(), m.version().id,
                        deliveryIds.get(m.version().delivery), Formats.timestamp(m.version().at), m.expected()))
                .toList();

        FlussoPlan plan = FlussoPlan.build(journeys.records.spans, o.scale().flussoOnlyPersonsPerAmbito(), persons,
                Rand.derive(o.seed(), "flusso-plan", code), afam, code, ambito.comuni(), o.from(), o.to());
        Result flusso = writeFlusso(plan, other);
        return new Result(scenarios, flusso.missing(), flusso.resent());
    }

    /** Writes the FLUSSO semesters; the result names the missing and re-sent ones (no scenarios). */
    private Result writeFlusso(FlussoPlan plan, String other) {
        String code = ambito.codice();
        FlussoWriter writer = new FlussoWriter(plan, code, o.scale(), defects, o.seed());
        List<SemesterRef> missing = new ArrayList<>(), resent = new ArrayList<>();
        for (int s = 0; s < schedule.semesters.size(); s++) {
            Semester sem = schedule.semesters.get(s);
            SemesterRef ref = new SemesterRef(code, sem.start(), sem.end());
            if (schedule.missing(index, s)) {
                missing.add(ref);
                continue;
            }
            DefectContext ctx = new DefectContext(other, Row::copy, l -> null, id -> null, unknownComuni, sem);
            DeliveryWriter d = landing.open(Source.FLUSSO, code, schedule.extractedAt(index, sem), sem.start(), sem.end(),
                    schedule.zipped(index, s));
            writer.write(d, sem, 1, ctx);
            d.finish();
            if (schedule.resent(index, s)) {
                DeliveryWriter again = landing.open(Source.FLUSSO, code, schedule.resentAt(index, sem), sem.start(),
                        sem.end(), false);
                writer.write(again, sem, 2, ctx);
                again.finish();
                resent.add(ref);
            }
        }
        return new Result(List.of(), missing, resent);
    }

    private Person newPerson(Rand r, int minAge, int maxAge, String cittadinanza) {
        LocalDate bornTo = o.from().minusYears(minAge).minusMonths(minAge == 0 ? 2 : 0);
        LocalDate bornFrom = o.from().minusYears(maxAge + 1L).plusDays(1);
        return persons.create(r, bornFrom, bornTo, cittadinanza);
    }

    /** A copy that nothing refers to: a new id, and for persone a new person born about when the original was. */
    private UnaryOperator<Row> freshCopy(IdSequence ids, Rand r) {
        return row -> {
            Row c = row.copy().set("stato_record", "ATTIVO");
            Layout layout = row.layout();
            if (layout == Layout.PERSONE) {
                LocalDate born = LocalDate.parse(row.get("data_nascita"));
                Person p = persons.create(r, born.minusYears(2), born, null);
                c.set("codice_fiscale", p.taxCode()).set("sesso", p.sesso())
                        .set("data_nascita", Formats.date(p.birthDate())).set("cittadinanza", p.cittadinanza());
            }
            return c.set(layout.keyColumn(), ids.next(layout));
        };
    }
}
