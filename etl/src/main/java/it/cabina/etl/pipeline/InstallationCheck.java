package it.cabina.etl.pipeline;

import it.cabina.etl.context.CabinaContext;
import it.cabina.etl.indicators.IndicatorCatalog;
import it.cabina.etl.indicators.IndicatorEngine;
import it.cabina.etl.pseudonym.PseudonymKey;
import it.cabina.etl.rules.SourceRules;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.model.Models;
import it.cabina.warehouse.spark.Concurrently;
import it.cabina.warehouse.reference.CodeLists;
import it.cabina.warehouse.reference.Territory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@code cabina check} verifies, and what the nightly verifies first: the reference data, the rules of each source,
 * the indicator catalogue and its views, the gold and aggregate models, what each publication stage needs (the report
 * templates), the paths and the pseudonym key's presence — without starting Spark and without reading or writing data.
 * Every problem of every part is told; a part that needs another (the rules need the code lists) says so when that one
 * failed. The configuration itself has been read before (its problems are the caller's: {@link CabinaConfig#load()}).
 */
public final class InstallationCheck {
    private InstallationCheck() {}

    /** One part checked: its name, what was found when all is well, and its problems (none: OK). */
    public record Item(String name, String detail, List<String> problems) {
        public Item {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        static Item of(String name, Supplier<String> check) {
            try {
                return new Item(name, check.get(), List.of());
            } catch (RuntimeException e) {
                return new Item(name, "", e instanceof ConfigException c ? c.problems() : List.of(describe(e)));
            }
        }
    }

    /**
     * @param key the key the run would use (from the environment or its file; the demo's own), read when checked: its
     *            value is never shown
     * @param each    told of each part as soon as it is checked
     */
    public static List<Item> run(CabinaConfig config, List<PublicationStage> publications, Supplier<PseudonymKey> key,
                                 Consumer<Item> each) {
        List<Item> items = new ArrayList<>();
        Consumer<Item> add = item -> {
            items.add(item);
            each.accept(item);
        };
        // the publications' checks (the report templates: compiled, seconds in a new JVM) need nothing of the others:
        // they run beside them, and are told in their place
        List<Concurrently.Beside<Item>> published = new ArrayList<>();
        for (PublicationStage p : publications) {
            published.add(Concurrently.beside("cabina-check-" + p.name(), () -> Item.of(p.checkName(), () -> p.check(config))));
        }
        CodeLists[] codeLists = new CodeLists[1];
        add.accept(Item.of("territorio e liste di codici", () -> {
            Territory t = Territory.load(config.comuniFile(), config.atsAsstFile(), config.ambitiFile(), config.regionCode());
            codeLists[0] = CodeLists.load(config.codelistsDir());
            return String.format(Locale.ITALY, "%,d comuni, %d Ambiti, %d liste di codici", t.comuni().size(), t.ambiti().size(),
                    codeLists[0].all().size());
        }));
        add.accept(Item.of("regole delle fonti", () -> {
            List<String> problems = new ArrayList<>();
            for (String source : CabinaContext.SOURCES) {
                try {
                    SourceRules.load(config.rulesDir().resolve(source.toLowerCase(Locale.ROOT) + ".yaml"), needs(codeLists[0]));
                } catch (RuntimeException e) {
                    problems.add(describe(e));
                }
            }
            if (!problems.isEmpty()) throw new ConfigException(problems);
            return String.join(", ", CabinaContext.SOURCES);
        }));
        add.accept(Item.of("catalogo degli indicatori e viste", () -> {
            IndicatorCatalog catalog = IndicatorEngine.catalog(config.home(), needs(codeLists[0]), CabinaContext.rules(config, codeLists[0]));
            return catalog.indicators().size() + " indicatori, " + catalog.views().all().size() + " viste";
        }));
        add.accept(Item.of("controlli delle anomalie", () -> it.cabina.etl.anomalies.Anomalies.rules(config.home()).checks().size() + " controlli"));
        add.accept(Item.of("modelli gold e aggregati", () ->
                Models.gold().models().size() + " gold, " + Models.aggregates().models().size() + " aggregati"));
        for (Concurrently.Beside<Item> p : published) add.accept(p.join());
        add.accept(PathCheck.run(config));
        add.accept(Item.of("chiave degli pseudonimi", () -> "presente (da " + key.get().source() + ")"));
        return List.copyOf(items);
    }

    public static boolean ok(List<Item> items) {
        return items.stream().allMatch(Item::ok);
    }

    /** Every problem, each preceded by its part's name unless it names it already. */
    public static List<String> problems(List<Item> items) {
        return items.stream().flatMap(i -> i.problems().stream().map(p -> p.startsWith(i.name()) ? p : i.name() + ": " + p)).toList();
    }

    private static CodeLists needs(CodeLists codeLists) {
        if (codeLists == null) throw new IllegalStateException("non controllabile: le liste di codici non si leggono (sopra)");
        return codeLists;
    }

    private static String describe(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
