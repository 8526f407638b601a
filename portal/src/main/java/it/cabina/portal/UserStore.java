package it.cabina.portal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The users file: a JSON document with one entry per user, replaced whole on every change. */
public final class UserStore {
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{3,64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record StoredUser(@JsonProperty("username") String username, @JsonProperty("password_hash") String passwordHash,
                      @JsonProperty("scopes") List<String> scopes, @JsonProperty("admin") boolean admin) {}

    record StoredFile(@JsonProperty("users") List<StoredUser> users) {}

    private final Path file;
    private final List<User> users;

    private UserStore(Path file, List<User> users) {
        this.file = file;
        this.users = new ArrayList<>(users);
    }

    /** The users of an existing file (an error when it is missing or unreadable). */
    public static UserStore open(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalStateException("file degli utenti non trovato: " + file);
        try {
            StoredFile stored = JSON.readValue(file.toFile(), StoredFile.class);
            List<User> users = new ArrayList<>();
            for (StoredUser u : stored.users() == null ? List.<StoredUser>of() : stored.users()) {
                users.add(new User(u.username(), u.passwordHash(), u.scopes().stream().map(Scope::parse).toList(), u.admin()));
            }
            return new UserStore(file, users);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("file degli utenti illeggibile: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** The users of the file, or none when the file does not exist yet. */
    public static UserStore openOrEmpty(Path file) {
        return Files.exists(file) ? open(file) : new UserStore(file, List.of());
    }

    public Path file() { return file; }

    public List<User> users() {
        return users.stream().sorted(Comparator.comparing(User::username)).toList();
    }

    public Optional<User> find(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** Adds a user or replaces one with the same name; the scopes must name territories of the reference. */
    public void put(String username, String password, List<Scope> scopes, boolean admin, TerritoryAccess access) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("nome utente non valido: usa da 3 a 64 tra lettere, cifre e . _ @ -");
        }
        String problem = Passwords.problem(password);
        if (problem != null) throw new IllegalArgumentException(problem);
        if (scopes.isEmpty() && !admin) throw new IllegalArgumentException("serve almeno un --scope (o --admin)");
        for (Scope s : scopes) {
            if (!access.exists(s.level(), s.code())) {
                throw new IllegalArgumentException("territorio sconosciuto: " + s + " (non è in conf/territory)");
            }
        }
        remove(username);
        users.add(new User(username, Passwords.hash(password), scopes, admin));
    }

    public boolean remove(String username) {
        return users.removeIf(u -> u.username().equals(username));
    }

    /** Writes the file (readable by its owner only where the file system allows) and swaps it in at once. */
    public void save() {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".users", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's permissions apply
            }
            List<StoredUser> stored = users().stream()
                    .map(u -> new StoredUser(u.username(), u.passwordHash(), u.scopes().stream().map(Scope::toString).toList(), u.admin()))
                    .toList();
            JSON.writeValue(tmp.toFile(), new StoredFile(stored));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("non riesco a scrivere " + file + ": " + e.getMessage(), e);
        }
    }
}
