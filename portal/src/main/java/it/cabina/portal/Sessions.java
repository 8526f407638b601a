package it.cabina.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Logged-in sessions, in memory: a random id (the cookie) per login, ending after a fixed lifetime or at logout. */
public final class Sessions {
    /** A session: who, until when, and the token its forms carry against cross-site requests. */
    public record Session(String id, String username, String csrfToken, Instant expiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
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
        byId.values().removeIf(s -> !s.expiresAt().isAfter(now));
        Session s = new Session(randomToken(), username, randomToken(), now.plus(lifetime));
        byId.put(s.id(), s);
        return s;
    }

    public Optional<Session> find(String id) {
        if (id == null) return Optional.empty();
        Session s = byId.get(id);
        if (s == null) return Optional.empty();
        if (!s.expiresAt().isAfter(clock.instant())) {
            byId.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public void close(String id) {
        if (id != null) byId.remove(id);
    }

    /** Ends every session of a user (removed or changed in the users file). */
    public void closeAll(String username) {
        byId.values().removeIf(s -> s.username().equals(username));
    }

    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
