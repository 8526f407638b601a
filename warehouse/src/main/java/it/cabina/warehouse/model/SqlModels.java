package it.cabina.warehouse.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the SQL models kept as resources under {@code model/<folder>/<name>.sql}. */
public final class SqlModels {
    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMA_LIST = Pattern.compile(
            "\\bfrom\\s+[a-z_][a-z0-9_]*(?:\\s+(?:as\\s+)?[a-z_][a-z0-9_]*)?\\s*,", Pattern.CASE_INSENSITIVE);
    private static final Pattern WITH_NAME = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\s+as\\s*\\(", Pattern.CASE_INSENSITIVE);

    private SqlModels() {}

    public static String read(String folder, String name) {
        String resource = "/model/" + folder + "/" + name + ".sql";
        try (InputStream in = SqlModels.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing SQL model " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tables and views an SQL reads ({@code from x}, {@code join x}; the names of its own {@code with} clauses
     * left out), or empty when some could be missed: a comma-separated {@code from} list, a quoted name.
     */
    public static Optional<Set<String>> namesRead(String sql) {
        String code = COMMENT.matcher(sql).replaceAll("");
        if (code.indexOf('`') >= 0 || COMMA_LIST.matcher(code).find()) return Optional.empty();
        Set<String> reads = names(READ, code);
        reads.removeAll(names(WITH_NAME, code));
        return Optional.of(reads);
    }

    private static Set<String> names(Pattern p, String code) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(code);
        while (m.find()) out.add(m.group(1).toLowerCase());
        return out;
    }
}
