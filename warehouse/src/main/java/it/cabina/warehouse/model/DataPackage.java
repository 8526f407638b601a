package it.cabina.warehouse.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Frictionless Data Package ({@code datapackage.json}) describing the tables of an analysts' export, generated from
 * the same models' YAML as the Markdown data dictionary ({@link DataDictionary}): per table its description, whether it
 * is about persons ({@code person_level}), its files and per column the Frictionless type, the Spark SQL type
 * ({@code sqlType}), the unit and the meaning.
 *
 * @see <a href="https://datapackage.org/standard/data-package/">Data Package</a>
 */
public final class DataPackage {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The package: its name, title, description, licence (null for none) and resources. */
    public record Package(String name, String title, String description, Licence licence, List<Resource> resources) {}

    /** An open licence (Frictionless {@code licenses}: an SPDX id, its title and where it is written). */
    public record Licence(String name, String title, String path) {}

    /**
     * One resource: a table in one format.
     *
     * @param paths  its files, relative to the package
     * @param format {@code parquet} or {@code csv}
     * @param csv    for a CSV resource: its separator and decimal mark (UTF-8, a header line); null for Parquet
     * @param extra  columns the export adds to the model's (e.g. {@code valori_protetti}), each with its meaning
     */
    public record Resource(String name, Model model, List<String> paths, String format, Csv csv, List<Model.Column> extra,
                           List<String> missingValues) {}

    /** The dialect of a CSV resource. */
    public record Csv(String delimiter, String decimalChar) {}

    private DataPackage() {}

    public static String json(Package p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "data-package");
        root.put("name", p.name());
        root.put("title", p.title());
        root.put("description", p.description());
        if (p.licence() != null) {
            ObjectNode l = root.putArray("licenses").addObject();
            l.put("name", p.licence().name()).put("title", p.licence().title()).put("path", p.licence().path());
        }
        ArrayNode resources = root.putArray("resources");
        for (Resource r : p.resources()) resources.add(resource(r));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode resource(Resource r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", r.name());
        o.put("profile", "tabular-data-resource");
        if (r.paths().size() == 1) o.put("path", r.paths().get(0));
        else r.paths().forEach(o.putArray("path")::add);
        o.put("format", r.format());
        o.put("mediatype", r.csv() != null ? "text/csv" : "application/vnd.apache.parquet");
        if (r.csv() != null) {
            o.put("encoding", "utf-8");
            o.putObject("dialect").put("delimiter", r.csv().delimiter()).put("header", true).put("doubleQuote", true);
        }
        o.put("title", r.model().name());
        if (r.model().description() != null) o.put("description", r.model().description());
        o.put("person_level", r.model().personLevel());
        ObjectNode schema = o.putObject("schema");
        ArrayNode fields = schema.putArray("fields");
        for (Model.Column c : r.model().columns()) fields.add(field(c, r.csv()));
        for (Model.Column c : r.extra()) fields.add(field(c, r.csv()));
        if (!r.model().key().isEmpty()) r.model().key().forEach(schema.putArray("primaryKey")::add);
        if (!r.missingValues().isEmpty()) r.missingValues().forEach(schema.putArray("missingValues")::add);
        return o;
    }

    private static ObjectNode field(Model.Column c, Csv csv) {
        ObjectNode f = JSON.createObjectNode();
        f.put("name", c.name());
        String type = frictionlessType(c.type());
        f.put("type", type);
        if (type.equals("array") && c.type().startsWith("array<")) f.put("arrayItem", frictionlessType(c.type().substring(6, c.type().length() - 1)));
        if (csv != null && type.equals("number") && !".".equals(csv.decimalChar())) f.put("decimalChar", csv.decimalChar());
        f.put("sqlType", c.type());
        if (c.unit() != null) f.put("unit", c.unit());
        f.put("description", c.description());
        return f;
    }

    private static final Map<String, String> TYPES = Map.of("string", "string", "int", "integer", "bigint", "integer",
            "double", "number", "boolean", "boolean", "date", "date", "timestamp", "datetime");

    /** The Frictionless field type of a Spark SQL type ({@code decimal(18,2)} → number, {@code array<string>} → array). */
    static String frictionlessType(String sparkType) {
        String t = sparkType.toLowerCase(Locale.ROOT);
        if (t.startsWith("decimal")) return "number";
        if (t.startsWith("array")) return "array";
        String f = TYPES.get(t);
        if (f == null) throw new IllegalArgumentException("no Frictionless type for the Spark type " + sparkType);
        return f;
    }
}
