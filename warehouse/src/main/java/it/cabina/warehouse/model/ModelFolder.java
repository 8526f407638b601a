package it.cabina.warehouse.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.cabina.warehouse.config.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The models of one folder of {@code model/} on the classpath ({@code gold}, {@code aggregates}, {@code reports}): its
 * {@code models.yaml}, in file order, checked on load (every model named once, its key and check columns among its
 * columns, an SQL file for every model built from SQL).
 */
public final class ModelFolder {
    private final String folder;
    private final List<Model> models;

    private record File(List<Model> models) {}

    private ModelFolder(String folder, List<Model> models) {
        this.folder = folder;
        this.models = models;
    }

    public static ModelFolder load(String folder) {
        String resource = "/model/" + folder + "/models.yaml";
        List<Model> models;
        try (InputStream in = ModelFolder.class.getResourceAsStream(resource)) {
            if (in == null) throw new ConfigException("missing " + resource);
            models = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, File.class).models();
        } catch (IOException e) {
            throw new ConfigException(resource + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        Set<String> names = new HashSet<>();
        for (Model m : models) {
            String where = resource + ": " + m.name() + ": ";
            if (m.name() == null || !names.add(m.name())) throw new ConfigException(resource + ": a model without a name, or named twice");
            if (m.columns().isEmpty()) throw new ConfigException(where + "no columns");
            for (Model.Column c : m.columns()) {
                if (c.type() == null || c.description() == null) throw new ConfigException(where + "column " + c.name() + " needs a type and a description");
            }
            for (String k : m.key()) if (m.column(k) == null) throw new ConfigException(where + "key column " + k + " is not among its columns");
            for (String k : m.partitionedBy()) if (m.column(k) == null) throw new ConfigException(where + "partition column " + k + " is not among its columns");
            for (String k : m.sortedBy()) if (m.column(k) == null) throw new ConfigException(where + "sort column " + k + " is not among its columns");
            for (Model.Check c : m.checks()) {
                for (String col : c.column() == null ? c.columns() : List.of(c.column())) {
                    if (m.column(col) == null) throw new ConfigException(where + c.check() + " check on unknown column " + col);
                }
            }
            if ((m.fromSql() || m.isView()) && ModelFolder.class.getResource("/model/" + folder + "/" + m.name() + ".sql") == null) {
                throw new ConfigException(where + "no " + m.name() + ".sql beside models.yaml");
            }
        }
        return new ModelFolder(folder, List.copyOf(models));
    }

    public String folder() {
        return folder;
    }

    /** Every model, in the order of the file. */
    public List<Model> models() {
        return models;
    }

    public Model get(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    /** The SQL of a model built from SQL. */
    public String sql(Model m) {
        return SqlModels.read(folder, m.name());
    }

    /**
     * The models of this folder that a model reads (by name in its SQL, or through another model's {@code rows_as_view}).
     * A model whose SQL does not say plainly what it reads (a quoted name, a comma-separated from) is refused.
     */
    public List<Model> readBy(Model m) {
        Set<String> names = SqlModels.namesRead(sql(m)).orElseThrow(() -> new ConfigException("model/" + folder + "/" + m.name()
                + ".sql: write the tables it reads as 'from <name>' or 'join <name>' (no quoted names, no comma-separated from)"));
        return models.stream().filter(o -> o != m && o.fromSql()
                && (names.contains(o.name()) || (o.rowsAsView() != null && names.contains(o.rowsAsView())))).toList();
    }

    /** The models built from SQL, each after the models it reads (in file order otherwise); a cycle is refused. */
    public List<Model> inDependencyOrder() {
        List<Model> pending = new java.util.ArrayList<>(models.stream().filter(Model::fromSql).toList());
        List<Model> ordered = new java.util.ArrayList<>();
        while (!pending.isEmpty()) {
            Model next = pending.stream().filter(m -> ordered.containsAll(readBy(m))).findFirst()
                    .orElseThrow(() -> new ConfigException("model/" + folder + ": the models " + pending.stream().map(Model::name).toList()
                            + " read one another in a cycle"));
            ordered.add(next);
            pending.remove(next);
        }
        return ordered;
    }

    /** The names of the tables built from SQL, in file order. */
    public List<String> sqlTableNames() {
        return models.stream().filter(Model::fromSql).map(Model::name).toList();
    }

    /** The views, in file order. */
    public List<Model> views() {
        return models.stream().filter(Model::isView).toList();
    }
}
