package it.cabina.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a relative path of the reports folder is on disk, refusing anything that could leave the folder: absolute paths,
 * "..", backslashes, control characters, and links that point outside.
 */
public final class ReportFiles {
    private static final Pattern SAFE_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path root;

    public ReportFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() { return root; }

    /** Whether the relative path has only plain segments (letters, digits, . _ -, not starting with a dot). */
    public static boolean isPlainRelativePath(String path) {
        if (path == null || path.isEmpty() || path.length() > 300) return false;
        for (String segment : path.split("/", -1)) {
            if (!SAFE_SEGMENT.matcher(segment).matches() || segment.contains("..")) return false;
        }
        return true;
    }

    /** The existing regular file at this relative path under the folder, or empty. */
    public Optional<Path> resolve(String path) {
        if (!isPlainRelativePath(path)) return Optional.empty();
        try {
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) return Optional.empty();
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) return Optional.empty();
            return Optional.of(real);
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
