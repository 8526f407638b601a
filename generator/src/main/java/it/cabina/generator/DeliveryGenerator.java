package it.cabina.generator;

import it.cabina.generator.GenerationSummary.Scenario;
import it.cabina.generator.GenerationSummary.SemesterRef;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.Territory;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a landing folder of realistic synthetic deliveries that follow {@code extracts.md}: for each Ambito
 * of the territory reference (as many as the {@link Scale} says) monthly INCREMENTAL CSI deliveries and one FULL
 * FLUSSO delivery per semester ended by {@code to}, and one FULL AFAM snapshot of the regional registry per
 * semester end. Also writes {@code <out>/_generator/summary.json} (folders starting with {@code _} are not
 * deliveries).
 *
 * <p>Layout: {@code <out>/<SOURCE>_<SENDER>_<yyyyMMdd'T'HHmmss>/manifest.json} and the data files. With
 * {@code zipSome}, a few deliveries are written instead as {@code <out>/<same name>.zip} whose entries are
 * {@code manifest.json} and the data files <b>at the root of the zip</b> (no top folder).
 *
 * <p>What the content exercises: corrections (later {@code aggiornato_il}), stale re-sends (an older version in a
 * later delivery), ties (the same {@code aggiornato_il} in a later delivery, and twice in one file), withdrawals
 * ({@code ANNULLATO}), a UTF-8 BOM on the CSI files of every third Ambito, persons followed by two Ambiti (same tax
 * code), FLUSSO beneficiaries shared with CSI, one Ambito-semester of FLUSSO missing and one re-sent, AFAM units
 * opened, ceased and changed between snapshots, in Ambiti the reference does not list and with unit types the
 * code list does not have. A share of CSI and FLUSSO rows are defective, each breaking exactly one rule
 * ({@link it.cabina.warehouse.quality.RuleCode}); AFAM rows never are.
 *
 * <p>Contract 1.2 (extracts.md §9): the region migrates ({@link Migration}): most Ambiti send 1.2 from a month of
 * 2025-H2, some stay on 1.1 until 2026-S1 is over, a few to the end; each Ambito's first 1.2 delivery re-sends its
 * current cases and activities with the new fields. 1.2 deliveries carry {@code tema} (every activity), the violence
 * flag, the new activity types and service codes (shelters), and the plan's milestones ({@link Milestones});
 * 1.1 deliveries carry none of them. A few deliveries are written to be rejected whole ({@link DeliveryDefect}).
 *
 * <p>Deterministic: the same options give byte-identical files (timestamps come from the data, random numbers
 * from the seed). CSI and FLUSSO rows are streamed; memory holds one Ambito's records and the AFAM registry.
 */
public final class DeliveryGenerator {
    /** ISTAT codes of comuni outside Lombardy (Torino, Roma, Napoli, Bologna, Venezia, Firenze). */
    private static final List<String> FOREIGN_COMUNI = List.of("001272", "058091", "063049", "037006", "027042", "048017");

    public GenerationSummary generate(GeneratorOptions o, CabinaConfig config) {
        Reference ref = Reference.load(config);
        List<Territory.Ambito> ambiti = ref.ambiti(o.scale());
        Landing landing = new Landing(o.out());
        PersonFactory persons = new PersonFactory(ref.belfiore);

        AfamRegistry afam = AfamRegistry.build(ref, ambiti, o.scale(), o.from(), o.to(), o.seed());
        AfamWriter.write(landing, afam, o.zipSome());

        List<List<SharedPerson>> shared = sharedPersons(o, ambiti.size(), persons);
        List<String> unknownComuni = FOREIGN_COMUNI.stream().filter(c -> ref.territory.comune(c) == null).toList();
        FlussoSchedule schedule = new FlussoSchedule(o.from(), o.to(), ambiti.size(), o.zipSome());
        DefectInjector defects = new DefectInjector(o.defectShare(), Rand.derive(o.seed(), "defects"));
        Migration migration = Migration.plan(ambiti.stream().map(Territory.Ambito::codice).toList(), o.seed(), o.from());
        List<Scenario> scenarios = new ArrayList<>();
        List<SemesterRef> missing = new ArrayList<>(), resent = new ArrayList<>();
        for (int i = 0; i < ambiti.size(); i++) {
            List<SharedPerson> mine = new ArrayList<>();
            if (i > 0) mine.addAll(shared.get(i - 1));
            if (i < shared.size()) mine.addAll(shared.get(i));
            AmbitoGenerator.Result res = new AmbitoGenerator(o, ref, ambiti.get(i), i, persons, landing, defects,
                    unknownComuni, schedule, afam, migration).run(mine);
            scenarios.addAll(res.scenarios());
            missing.addAll(res.missing());
            resent.addAll(res.resent());
        }
        landing.cleanStaging();
        GenerationSummary summary = new GenerationSummary(o.seed(), o.scale(), o.from(), o.to(), o.defectShare(),
                landing.deliveries(), List.copyOf(missing), List.copyOf(resent), List.copyOf(scenarios));
        SummaryJson.write(summaryFile(o.out()), summary);
        return summary;
    }

    /** Where the summary of a generation into {@code out} is written. */
    public static Path summaryFile(Path out) {
        return out.resolve(Landing.GENERATOR_DIR).resolve("summary.json");
    }

    /** For each pair of consecutive Ambiti, about 2 % of an Ambito's persons followed by both. */
    private static List<List<SharedPerson>> sharedPersons(GeneratorOptions o, int ambiti, PersonFactory persons) {
        List<List<SharedPerson>> pairs = new ArrayList<>();
        int k = Math.max(1, (int) Math.round(o.scale().personsPerAmbito() * 0.02));
        for (int i = 0; i + 1 < ambiti; i++) {
            Rand r = Rand.derive(o.seed(), "shared", i);
            List<SharedPerson> list = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                Area area = r.chance(0.7) ? Area.ANZIANI : Area.DISABILI;
                LocalDate bornTo = o.from().minusYears(area.minAge);
                Person p = persons.create(r, o.from().minusYears(area.maxAge + 1L).plusDays(1), bornTo, null);
                list.add(new SharedPerson(p, area));
            }
            pairs.add(list);
        }
        return pairs;
    }
}
