package it.cabina.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after some failed logins for a user name, or from an address, further attempts for it are refused
 * until a wait has passed, doubled at each new failure up to a maximum. A successful login clears the user name; a user
 * name or address with no failure for as long as the maximum wait starts again from zero.
 */
public final class LoginThrottle {
    private record Failures(int count, Instant last, Instant blockedUntil) {}

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final int freeAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;

    public LoginThrottle(int freeAttempts, Duration firstDelay, Duration maxDelay, Clock clock) {
        this.freeAttempts = freeAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** How long this user name and address must still wait before trying again (zero when they may try now). */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration a = remaining(userKey(username), now), b = remaining(addressKey(address), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[]{userKey(username), addressKey(address)}) {
            failures.compute(key, (k, f) -> {
                boolean forgotten = f == null || f.last().plus(maxDelay).isBefore(now);
                int count = forgotten ? 1 : f.count() + 1;
                return new Failures(count, now, count < freeAttempts ? now : now.plus(delay(count)));
            });
        }
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Duration delay(int count) {
        int doublings = Math.min(count - freeAttempts, 20);
        Duration d = firstDelay.multipliedBy(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || !f.blockedUntil().isAfter(now)) return Duration.ZERO;
        return Duration.between(now, f.blockedUntil());
    }

    private static String userKey(String username) { return "u:" + (username == null ? "" : username.trim().toLowerCase()); }

    private static String addressKey(String address) { return "a:" + address; }
}
