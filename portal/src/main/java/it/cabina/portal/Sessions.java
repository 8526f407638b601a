package it.cabina.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, in memory: a random id (the cookie) per login, ending after a fixed lifetime or at logout.
 * Sessions are kept by the digest of their id (see {@link Tokens#digest}) and the id is then compared in constant time.
 */
public final class Sessions {
    /** A session: who, until when, and the token its forms carry against cross-site requests. */
    public record Session(String id, String username, String csrfToken, Instant expiresAt) {}

    private final Map<String, Session> byDigest = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final Clock clock;

    public Sessions(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() { return lifetime; }

    /** A new session with a fresh id: a session id known before login is never reused. */
    public Session open(String username) {
        Instant now = clock.instant();
        byDigest.values().removeIf(s -> !s.expiresAt().isAfter(now));
        Session s = new Session(Tokens.random(), username, Tokens.random(), now.plus(lifetime));
        byDigest.put(Tokens.digest(s.id()), s);
        return s;
    }

    public Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        String key = Tokens.digest(id);
        Session s = byDigest.get(key);
        if (s == null || !Tokens.matches(s.id(), id)) return Optional.empty();
        if (!s.expiresAt().isAfter(clock.instant())) {
            byDigest.remove(key);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void close(String id) {
        if (id != null) byDigest.remove(Tokens.digest(id));
    }

    /** Ends every session of a user (removed or changed in the users file). */
    public void closeAll(String username) {
        byDigest.values().removeIf(s -> s.username().equals(username));
    }
}
