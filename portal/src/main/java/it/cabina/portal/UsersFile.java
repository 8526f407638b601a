package it.cabina.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/** The users file as the running server sees it: read again when `cabina users` has changed it. */
public final class UsersFile {
    private final Path file;
    private FileTime readAt;
    private UserStore store;

    /** Opens the file now, so that a server without users refuses to start. */
    public UsersFile(Path file) {
        this.file = file;
        current();
    }

    public Path path() { return file; }

    public synchronized UserStore current() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (store == null || !modified.equals(readAt)) {
                store = UserStore.open(file);
                readAt = modified;
            }
            return store;
        } catch (IOException e) {
            if (store != null) return store;
            throw new UncheckedIOException("file degli utenti non trovato: " + file, e);
        }
    }

    public Optional<User> find(String username) {
        return current().find(username);
    }
}
