package it.cabina.warehouse.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gold and aggregate sections of {@code docs/data-dictionary.md}, generated from the models' YAML: the Markdown
 * between {@link #BEGIN} and {@link #END} is this text and nothing else (a test checks it; {@link #main} rewrites it).
 */
public final class DataDictionary {
    public static final String BEGIN = "<!-- generated from warehouse/src/main/resources/model/*/models.yaml: edit the YAML, then run DataDictionary -->";
    public static final String END = "<!-- end of the generated part -->";

    private DataDictionary() {}

    /** The generated part, markers included. */
    public static String render(List<ModelFolder> folders) {
        StringBuilder out = new StringBuilder(BEGIN).append("\n\n");
        for (ModelFolder f : folders) {
            out.append("## gold: ").append(title(f.folder())).append("\n\n");
            for (Model m : f.models()) out.append(section(m));
        }
        return out.append(END).append('\n').toString();
    }

    /** The sections of these models alone (the tables of an export), as in the dictionary. */
    public static String sections(List<Model> models) {
        StringBuilder out = new StringBuilder();
        for (Model m : models) out.append(section(m));
        return out.toString();
    }

    private static String title(String folder) {
        return switch (folder) {
            case "gold" -> "the star schema, its views and the indicator values (`model/gold/`)";
            case "aggregates" -> "semiannual aggregates (`model/aggregates/`)";
            default -> folder;
        };
    }

    private static String section(Model m) {
        StringBuilder s = new StringBuilder("### ").append(m.name()).append("\n");
        if (m.description() != null) s.append(m.description()).append(m.personLevel() ? " **Person-level.**" : "").append("\n");
        s.append("\n");
        s.append("Key: ").append(m.key().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", ")));
        if (m.isView()) s.append(". A view, not stored");
        if (m.history() != null) s.append(". History type 2 on `").append(m.history().key()).append("`");
        if (!m.partitionedBy().isEmpty()) s.append(". Exported partitioned by ").append(String.join(", ", m.partitionedBy()));
        if (!m.sortedBy().isEmpty()) s.append(", sorted by ").append(String.join(", ", m.sortedBy())).append(" inside its files");
        s.append(".");
        if (!m.checks().isEmpty()) {
            s.append(" Checked after every build that rewrites it: ")
                    .append(m.checks().stream().map(DataDictionary::check).collect(Collectors.joining("; "))).append(".");
        }
        s.append("\n\n| column | type | unit | meaning |\n|---|---|---|---|\n");
        for (Model.Column c : m.columns()) {
            s.append("| `").append(c.name()).append("` | ").append(c.type()).append(" | ").append(c.unit() == null ? "" : c.unit())
                    .append(" | ").append(c.description().replace("|", "\\|")).append(" |\n");
        }
        return s.append("\n").toString();
    }

    private static String check(Model.Check c) {
        String what = switch (c.check()) {
            case "unique" -> "unique " + columns(c.columns());
            case "not_null" -> "not null " + columns(c.columns());
            case "relationships" -> "`" + c.column() + "` found in `" + c.to() + "`";
            case "accepted_values" -> "`" + c.column() + "` in " + c.values();
            case "expression" -> "`" + c.condition() + "`";
            default -> c.check();
        };
        if (c.where() != null) what += " where `" + c.where() + "`";
        return c.severity() == Model.Severity.WARN ? what + " (warning)" : what;
    }

    private static String columns(List<String> columns) {
        return columns.stream().map(x -> "`" + x + "`").collect(Collectors.joining(", "));
    }

    /** The dictionary with its generated part replaced by {@code generated}. */
    public static String replaceGenerated(String dictionary, String generated) {
        int begin = dictionary.indexOf(BEGIN);
        int end = dictionary.indexOf(END);
        if (begin < 0 || end < begin) throw new IllegalArgumentException("the data dictionary has no generated part between " + BEGIN + " and " + END);
        return dictionary.substring(0, begin) + generated + dictionary.substring(end + END.length() + 1);
    }

    /** Rewrites the generated part of the file named by the argument (docs/data-dictionary.md). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/data-dictionary.md");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, replaceGenerated(text, render(List.of(Models.gold(), Models.aggregates()))), StandardCharsets.UTF_8);
    }
}
