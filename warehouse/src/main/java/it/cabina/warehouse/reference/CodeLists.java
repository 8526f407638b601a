package it.cabina.warehouse.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.cabina.warehouse.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** All code lists, one YAML file each in the code-list folder; the list's name is the file name. */
public final class CodeLists {
    private final Map<String, CodeList> lists;

    private CodeLists(Map<String, CodeList> lists) {
        this.lists = lists;
    }

    public static CodeLists load(Path dir) {
        if (!Files.isDirectory(dir)) throw new ConfigException("code-list folder not found: " + dir);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, CodeList> lists = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.yaml$", "");
                JsonNode root;
                try {
                    root = yaml.readTree(f.toFile());
                } catch (IOException e) {
                    throw new ConfigException("code list " + f + ": " + e.getMessage());
                }
                List<CodeList.Code> codes = new ArrayList<>();
                for (JsonNode c : root.path("codes")) {
                    String code = c.path("code").asText("");
                    if (code.isBlank()) throw new ConfigException("code list " + f + ": an entry has no 'code'");
                    Map<String, String> attrs = new LinkedHashMap<>();
                    c.fields().forEachRemaining(e -> {
                        if (!e.getKey().equals("code") && !e.getKey().equals("descrizione")) {
                            attrs.put(e.getKey(), e.getValue().asText());
                        }
                    });
                    codes.add(new CodeList.Code(code, c.path("descrizione").asText(code), Map.copyOf(attrs)));
                }
                if (codes.isEmpty()) throw new ConfigException("code list " + f + " has no codes");
                lists.put(name, new CodeList(name, root.path("descrizione").asText(name), List.copyOf(codes)));
            }
        } catch (IOException e) {
            throw new ConfigException("cannot list " + dir + ": " + e.getMessage());
        }
        return new CodeLists(Map.copyOf(lists));
    }

    public CodeList get(String name) {
        CodeList l = lists.get(name);
        if (l == null) throw new ConfigException("unknown code list '" + name + "' (known: " + new TreeMap<>(lists).keySet() + ")");
        return l;
    }

    public boolean has(String name) {
        return lists.containsKey(name);
    }

    public Collection<CodeList> all() {
        return new TreeMap<>(lists).values();
    }
}
