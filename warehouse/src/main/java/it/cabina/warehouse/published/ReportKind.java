package it.cabina.warehouse.published;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registered report kinds: the slug (the folder of the report tree, the value of {@code --report} and of
 * {@code report} in index.json), the Italian title, the kind of period, the templates of its parts (under the reports
 * module's {@code templates/}) and the levels it is published for. The CLI, the publisher, the template list and the
 * portal read this list; docs/reports.md must name every kind (a test checks it). A new kind is a constant here, its
 * templates and its builder in the reports module.
 */
public enum ReportKind {
    CRUSCOTTO("cruscotto", "Cruscotto indicatori", Period.YEAR, Levels.ALL,
            "cruscotto/indicatori", "cruscotto/andamento", "cruscotto/cronoprogramma", "cruscotto/cronoprogramma-sintesi"),
    SEMESTRALE("semestrale", "Restituzione semestrale", Period.SEMESTER, Levels.ALL,
            "semestrale/misure"),
    RETE_OFFERTA("rete-offerta", "Rete d'offerta (AFAM)", Period.SEMESTER, Levels.ALL,
            "rete-offerta/tipologie", "rete-offerta/ambiti", "rete-offerta/movimenti"),
    QUALITA("qualita", "Qualità dei dati", Period.SEMESTER, Levels.ALL,
            "qualita/consegne", "qualita/motivi", "qualita/anomalie", "qualita/andamento"),
    CONFRONTO("confronto", "Confronto tra Ambiti", Period.YEAR, Levels.ALL.subList(1, Levels.ALL.size()),
            "confronto/matrice");

    /** What a report's period is: a year ("2026") or a semester ("2026-S1"). */
    public enum Period {
        YEAR("\\d{4}", "anno", "2026"),
        SEMESTER("\\d{4}-S[12]", "semestre", "2026-S1");

        private final Pattern pattern;
        private final String name;
        private final String example;

        Period(String pattern, String name, String example) {
            this.pattern = Pattern.compile(pattern);
            this.name = name;
            this.example = example;
        }

        public boolean matches(String period) {
            return period != null && pattern.matcher(period).matches();
        }

        /** "anno, es. 2026", for messages and help. */
        public String description() {
            return name + ", es. " + example;
        }
    }

    private final String slug;
    private final String title;
    private final Period period;
    private final List<String> levels;
    private final List<String> templates;

    ReportKind(String slug, String title, Period period, List<String> levels, String... templates) {
        this.slug = slug;
        this.title = title;
        this.period = period;
        this.levels = levels;
        this.templates = List.of(templates);
    }

    public String slug() { return slug; }

    public String title() { return title; }

    public Period period() { return period; }

    /** Yearly reports have a year as period, the others a semester. */
    public boolean yearly() { return period == Period.YEAR; }

    /** The levels (of {@link Levels#ALL}) it is published for. */
    public List<String> levels() { return levels; }

    public boolean publishedFor(String level) { return levels.contains(level); }

    /** The templates of its parts, e.g. "cruscotto/indicatori" for templates/cruscotto/indicatori.jrxml. */
    public List<String> templates() { return templates; }

    /** Where the portal's data of a territory and period of this kind is, relative to the reports folder. */
    public String dataPath(Object period, String level, String territory) {
        return "data/" + slug + "/" + period + "/" + level + "/" + territory + ".json";
    }

    /** The kind of this slug, if registered. */
    public static Optional<ReportKind> find(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    public static ReportKind of(String slug) {
        return find(slug).orElseThrow(() -> new IllegalArgumentException("report '" + slug + "' sconosciuto: i report sono "
                + String.join(", ", slugs())));
    }

    public static List<String> slugs() {
        return Arrays.stream(values()).map(ReportKind::slug).toList();
    }
}
