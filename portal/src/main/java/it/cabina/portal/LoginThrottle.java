package it.cabina.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down guessing: after some failed logins for a user name, or from an address, further attempts for it are refused
 * until a wait has passed, doubled at each new failure up to a maximum. A successful login clears the user name; a user
 * name or address with no failure for as long as the maximum wait starts again from zero.
 *
 * <p>The counters live in a cache bounded in size, whose entries expire with the maximum wait (after which they would
 * start from zero anyway): whoever sends failed logins for ever new user names, or from ever new addresses, cannot make
 * it grow without end. When full, the least used counters go first, so the one a guesser keeps hitting stays.
 */
public final class LoginThrottle {
    private record Failures(int count, Instant last, Instant blockedUntil) {}

    private final Cache<String, Failures> failures;
    private final int freeAttempts;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Clock clock;

    public LoginThrottle(int freeAttempts, Duration firstDelay, Duration maxDelay, int maxTracked, Clock clock) {
        this.freeAttempts = freeAttempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(maxTracked)
                .expireAfterWrite(maxDelay)
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)  // evictions on the calling thread: the bound holds when a call returns
                .build();
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
            failures.asMap().compute(key, (k, f) -> {
                boolean forgotten = f == null || f.last().plus(maxDelay).isBefore(now);
                int count = forgotten ? 1 : f.count() + 1;
                return new Failures(count, now, count < freeAttempts ? now : now.plus(delay(count)));
            });
        }
    }

    public void succeeded(String username) {
        failures.invalidate(userKey(username));
    }

    /** How many user names and addresses are remembered now (after dropping the expired and the excess). */
    public long tracked() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private Duration delay(int count) {
        int doublings = Math.min(count - freeAttempts, 20);
        Duration d = firstDelay.multipliedBy(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private Duration remaining(String key, Instant now) {
        Failures f = failures.getIfPresent(key);
        if (f == null || !f.blockedUntil().isAfter(now)) return Duration.ZERO;
        return Duration.between(now, f.blockedUntil());
    }

    private static String userKey(String username) { return "u:" + (username == null ? "" : username.trim().toLowerCase()); }

    private static String addressKey(String address) { return "a:" + address; }
}
