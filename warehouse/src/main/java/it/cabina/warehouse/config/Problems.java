package it.cabina.warehouse.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The problems found in a configuration, each as {@code file: key.path: what is wrong}, the file being the one the key
 * came from (a file that {@code extends} another names only what differs).
 */
final class Problems {
    private final List<String> found = new ArrayList<>();
    private final Map<String, Path> origins;
    private final Path top;
    private final Path home;

    /**
     * @param origins the file each key path came from
     * @param top     the file loaded (for keys that are missing: it is the one to complete)
     */
    Problems(Map<String, Path> origins, Path top, Path home) {
        this.origins = origins;
        this.top = top;
        this.home = home;
    }

    void add(String key, String what) {
        found.add(shown(origin(key)) + ": " + key + ": " + what);
    }

    void atLeast(String key, long value, long min) {
        if (value < min) add(key, "deve essere almeno " + min + ", è " + value);
    }

    void atLeast(String key, long value, long min, String otherKey) {
        if (value < min) add(key, "deve essere almeno " + otherKey + " (" + min + "), è " + value);
    }

    List<String> all() {
        return List.copyOf(found);
    }

    boolean any() {
        return !found.isEmpty();
    }

    /** The file a key came from: its own, or that of the closest enclosing key (a missing key: the file loaded). */
    private Path origin(String key) {
        for (String k = key; !k.isEmpty(); k = parent(k)) {
            Path p = origins.get(k);
            if (p != null) return p;
        }
        return top;
    }

    private static String parent(String key) {
        if (key.endsWith("\"]")) return key.substring(0, key.lastIndexOf("[\""));
        int i = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        return i < 0 ? "" : key.substring(0, i);
    }

    /** A file inside the project is shown relative to it (conf/cabina.yaml), any other in full. */
    String shown(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
    }
}
