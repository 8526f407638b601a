package it.cabina.warehouse.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a configuration file into {@link ConfigFile}: the file and those it {@code extends} merged, then every key of
 * the merged tree checked against the records — unknown keys, wrong types and missing required values, each named by
 * its path and the file it came from — then bound by Jackson, then the values' ranges checked. Every problem is
 * collected and thrown together in one {@link ConfigException}, not only the first.
 */
final class ConfigReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The binding: snake_case keys, unknown keys refused (the tree check tells them all first), "AMBITI" as [AMBITI]. */
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private final Path home;
    private final Map<String, Path> origins = new LinkedHashMap<>();

    ConfigReader(Path home) {
        this.home = home;
    }

    ConfigFile read(Path file) {
        JsonNode tree = readWithBase(file, new ArrayList<>());
        Problems problems = new Problems(origins, file, home);
        validate(tree, BINDER.constructType(ConfigFile.class), "", problems);
        ConfigFile bound = null;
        try {
            bound = BINDER.treeToValue(tree, ConfigFile.class);
        } catch (IOException | IllegalArgumentException e) {
            // only when the tree check found what stops the binding (a missing required value): already listed
            if (!problems.any()) problems.add("", "non interpretabile: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (bound != null) bound.check(problems);
        if (problems.any()) throw new ConfigException(problems.all());
        return bound;
    }

    /**
     * The YAML tree of a configuration file. A file may start from another ({@code extends: cabina.yaml}, relative to its
     * own folder) and name only what differs: its mappings are merged into the other's, key by key; lists and values
     * replace the other's. Each key's file is remembered for the messages.
     */
    private JsonNode readWithBase(Path file, List<Path> seen) {
        Path normal = file.toAbsolutePath().normalize();
        if (seen.contains(normal)) throw new ConfigException("file di configurazione che si estendono a vicenda in un ciclo: " + seen);
        seen.add(normal);
        String shown = new Problems(Map.of(), file, home).shown(file);
        JsonNode tree;
        try {
            tree = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(shown + ": non leggibile come YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (tree == null || !tree.isObject()) throw new ConfigException(shown + ": non è una mappa YAML (chiave: valore)");
        JsonNode base = ((ObjectNode) tree).remove("extends");
        ObjectNode merged = (ObjectNode) tree;
        if (base != null) {
            Path baseFile = file.resolveSibling(base.asText());
            if (!base.isTextual() || !Files.isRegularFile(baseFile)) {
                throw new ConfigException(shown + ": extends: " + base.asText() + " non esiste (accanto a " + file.getFileName() + ")");
            }
            merged = (ObjectNode) readWithBase(baseFile, seen);
            merge(merged, (ObjectNode) tree);
        }
        remember(tree, "", file);
        return merged;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private void remember(JsonNode node, String path, Path file) {
        if (!path.isEmpty()) origins.put(path, file);
        if (node.isObject()) node.fields().forEachRemaining(e -> remember(e.getValue(), mapEntry(path, e.getKey()), file));
        if (node.isArray()) for (int i = 0; i < node.size(); i++) remember(node.get(i), path + "[" + i + "]", file);
    }

    /**
     * Checks a node against the type it binds to, telling each problem; returns false when the node must go (so that
     * the rest can still be bound and range-checked).
     */
    private boolean validate(JsonNode node, JavaType type, String path, Problems problems) {
        if (node == null || node.isNull()) return true; // absent: the default applies (a required one is told by its record)
        Class<?> raw = type.getRawClass();
        if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) return wrong(node, "una sezione (chiave: valore)", path, problems);
            prune((ObjectNode) node, name -> present(node.get(name), mapEntry(path, name), problems)
                    && validate(node.get(name), type.getContentType(), mapEntry(path, name), problems));
            return true;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            if (node.isObject()) return wrong(node, "una lista", path, problems);
            if (!node.isArray()) return validate(node, type.getContentType(), path, problems);
            ArrayNode array = (ArrayNode) node;
            for (int i = array.size() - 1; i >= 0; i--) {
                String item = path + "[" + i + "]";
                if (!present(array.get(i), item, problems) || !validate(array.get(i), type.getContentType(), item, problems)) array.remove(i);
            }
            return true;
        }
        if (raw == String.class) return node.isValueNode() || wrong(node, "un testo", path, problems);
        if (raw == Integer.class || raw == Long.class) {
            return node.isIntegralNumber() && node.canConvertToInt() || wrong(node, "un numero intero", path, problems);
        }
        if (raw == Boolean.class) return node.isBoolean() || wrong(node, "true o false", path, problems);
        if (raw.isEnum()) {
            Set<String> names = Stream.of(raw.getEnumConstants()).map(c -> c.toString().toLowerCase()).collect(Collectors.toCollection(java.util.TreeSet::new));
            return node.isTextual() && names.contains(node.asText().toLowerCase())
                    || wrong(node, "uno tra " + String.join(", ", names), path, problems);
        }
        return validateRecord(node, type, path, problems);
    }

    private boolean validateRecord(JsonNode node, JavaType type, String path, Problems problems) {
        if (!node.isObject()) return wrong(node, "una sezione (chiave: valore)", path, problems);
        BeanDescription description = BINDER.getDeserializationConfig().introspect(type);
        Map<String, BeanPropertyDefinition> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition p : description.findProperties()) properties.put(p.getName(), p);
        prune((ObjectNode) node, name -> {
            BeanPropertyDefinition p = properties.get(name);
            if (p == null) {
                problems.add(child(path, name), "chiave sconosciuta (ammesse: " + String.join(", ", properties.keySet()) + ")");
                return false;
            }
            return validate(node.get(name), p.getPrimaryType(), child(path, name), problems);
        });
        for (BeanPropertyDefinition p : properties.values()) {
            JsonNode value = node.get(p.getName());
            if (p.isRequired() && (value == null || value.isNull() || value.isTextual() && value.asText().isBlank())) {
                problems.add(child(path, p.getName()), "valore obbligatorio mancante");
            }
        }
        return true;
    }

    /** An entry of a map or a list must have a value (a key's absence, by contrast, means its default). */
    private static boolean present(JsonNode node, String path, Problems problems) {
        if (!node.isNull()) return true;
        problems.add(path, "valore mancante");
        return false;
    }

    /** Removes the keys of an object that the check refuses. */
    private static void prune(ObjectNode node, java.util.function.Predicate<String> keep) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) if (!keep.test(name)) node.remove(name);
    }

    private static boolean wrong(JsonNode node, String expected, String path, Problems problems) {
        problems.add(path, "atteso " + expected + ", trovato " + found(node));
        return false;
    }

    private static String found(JsonNode node) {
        if (node.isObject()) return "una sezione";
        if (node.isArray()) return "una lista";
        String text = node.asText();
        return (node.isTextual() ? "il testo " : "") + "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A map's key as part of a path: spark.settings["spark.sql.shuffle.partitions"] when it holds dots. */
    private static String mapEntry(String path, String key) {
        return key.matches("[A-Za-z0-9_-]+") ? child(path, key) : path + "[\"" + key + "\"]";
    }
}
