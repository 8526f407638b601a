package it.cabina.generator;

import it.cabina.generator.GenerationSummary.Scenario;
import it.cabina.generator.GenerationSummary.SemesterRef;
import it.cabina.warehouse.reference.Territory;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything one Ambito sends: its CSI history (persons, cases, assessments, projects, discharges, activities, the
 * re-sends of its move to contract 1.2, the versioning scenarios and its milestones) written as monthly deliveries,
 * then its FLUSSO semesters. Memory is the Ambito's records; FLUSSO rows are streamed.
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
    private final Migration migration;

    /** What the Ambito produced that the summary names. */
    record Result(List<Scenario> scenarios, List<SemesterRef> missing, List<SemesterRef> resent) {}

    AmbitoGenerator(GeneratorOptions o, Reference ref, Territory.Ambito ambito, int index, PersonFactory persons,
                    Landing landing, DefectInjector defects, List<String> unknownComuni, FlussoSchedule schedule,
                    AfamRegistry afam, Migration migration) {
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
        this.migration = migration;
    }

    Result run(List<SharedPerson> shared) {
        String code = ambito.codice();
        Rand r = Rand.derive(o.seed(), "csi", code);
        CsiTimeline tl = new CsiTimeline(o.from(), o.to());
        IdSequence ids = new IdSequence();
        Territory.HealthAuthority asst = ref.territory.authority(ambito.codiceAsst());
        List<String> allComuni = ref.territory.comuni().stream().map(Territory.Comune::codiceIstat).sorted().toList();
        // how much the Ambito uses PIPPI: about 30 projects from 2025 to March 2026 at the regional scale, ranging
        // from half of that to nearly twice as many (PIP-06); fewer in the smaller presets
        double pippiShare = Rand.derive(o.seed(), "profile", code).between(0.08, 0.4);
        double emptyFlagShare = migration.leavesFlagEmpty(code) ? 0.04 : 0;
        LocalDate since12 = migration.since12(code);
        CareJourneys journeys = new CareJourneys(tl, r, ids, code, ambito.comuni(), allComuni,
                Hospitals.forAsst(asst.codice(), asst.denominazione()), pippiShare, since12, emptyFlagShare);
        int n = (int) Math.round(o.scale().personsPerAmbito() * r.between(0.8, 1.2));
        for (int i = 0; i < n; i++) {
            Area area = Area.pick(r);
            boolean foreignHeavy = area == Area.MINORI_FAMIGLIA || area == Area.POVERTA_INCLUSIONE;
            journeys.follow(newPerson(r, area.minAge, area.maxAge,
                    foreignHeavy ? r.weighted(List.of("ITA", "UE", "EXTRA_UE"), FOREIGN_HEAVY) : null), area);
        }
        for (SharedPerson s : shared) journeys.follow(s.person(), s.area());
        for (int i = 0; i < Math.max(1, Math.round(n * 0.06)); i++) journeys.dischargeOnly(newPerson(r, 70, 95, null));
        new ActivityPlanner(tl, Rand.derive(o.seed(), "activities", code), ids, code, o.scale().activityFactor(), since12)
                .plan();
        VersionScenarios versions = new VersionScenarios(tl, Rand.derive(o.seed(), "scenarios", code), ambito.comuni(),
                journeys.marks);
        versions.collapseBacklog();
        Rand move = Rand.derive(o.seed(), "contract-1.2-move", code);
        LocalDateTime moved = since12 == null ? null : since12.plusDays(move.between(0, 4)).atTime(6, 30);
        if (moved != null && moved.toLocalDate().isAfter(o.to())) moved = o.to().atTime(6, 30);
        Migration.resend(tl, since12, moved);
        versions.apply(Math.max(1, (int) Math.round(n * 0.01)), journeys.records.referencedAssessments);
        Milestones milestones = new Milestones(tl, Rand.derive(o.seed(), "milestones", code), ids, code);
        if (moved != null) milestones.plan(moved);

        String other = ref.otherAmbito(code);
        Rand fresh = Rand.derive(o.seed(), "defect-persons", code);
        DefectContext csiCtx = new DefectContext(other, freshCopy(ids, fresh), ids::unknown,
                journeys.caseOpenings::get, unknownComuni, null, laterCodes(), null, null);
        int first12 = since12 == null || since12.isAfter(o.to()) ? Integer.MAX_VALUE : tl.deliveryOf(since12.atStartOfDay());
        Map<Integer, String> deliveryIds = new CsiWriter(landing, tl, code, index, index % 3 == 1, first12,
                Set.copyOf(laterCodes().get("tipo_attivita")))
                .write(d -> o.zipSome() && index % 4 == 0 && d == 1, defects, csiCtx, milestones);
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
        FlussoWriter writer = new FlussoWriter(plan, code, o.scale(), defects, o.seed(),
                Set.copyOf(laterCodes().get("codice_prestazione")));
        List<SemesterRef> missing = new ArrayList<>(), resent = new ArrayList<>();
        for (int s = 0; s < schedule.semesters.size(); s++) {
            Semester sem = schedule.semesters.get(s);
            SemesterRef ref = new SemesterRef(code, sem.start(), sem.end());
            if (schedule.missing(index, s)) {
                missing.add(ref);
                continue;
            }
            DefectContext ctx = new DefectContext(other, Row::copy, l -> null, id -> null, unknownComuni, sem,
                    laterCodes(), null, null);
            ZonedDateTime at = schedule.extractedAt(index, sem);
            SpecVersion spec = migration.specOn(code, at.toLocalDate());
            DeliveryWriter d = landing.open(Source.FLUSSO, code, at, sem.start(), sem.end(), schedule.zipped(index, s), spec);
            writer.write(d, sem, 1, ctx.in(spec, at.toLocalDate()));
            d.finish();
            if (schedule.resent(index, s)) {
                ZonedDateTime againAt = schedule.resentAt(index, sem);
                SpecVersion againSpec = migration.specOn(code, againAt.toLocalDate());
                DeliveryWriter again = landing.open(Source.FLUSSO, code, againAt, sem.start(), sem.end(), false, againSpec);
                writer.write(again, sem, 2, ctx.in(againSpec, againAt.toLocalDate()));
                again.finish();
                resent.add(ref);
            }
        }
        return new Result(List.of(), missing, resent);
    }

    /** For the columns whose code list a later contract extended, the codes it added (conf/codelists, since). */
    private Map<String, List<String>> laterCodes() {
        return Map.of("tipo_attivita", ref.codesSince("tipo_attivita", SpecVersion.V1_2),
                "codice_prestazione", ref.codesSince("prestazione", SpecVersion.V1_2));
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
