package it.cabina.portal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static it.cabina.portal.Fixtures.TestClock;
import static org.junit.jupiter.api.Assertions.*;

/** The failed-login counters cannot be grown without end by someone who sends ever new user names or addresses. */
class PortalLoginThrottleTest {
    static final int BOUND = 1_000;

    @Test
    void theCountersStayWithinTheirBoundWhateverIsSent() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(2), Duration.ofMinutes(5), BOUND, new TestClock());
        for (int i = 0; i < 50_000; i++) throttle.failed("inventato-" + i, "198.18." + (i / 250) + "." + (i % 250));
        assertTrue(throttle.tracked() <= BOUND, "remembered: " + throttle.tracked() + " (100,000 sent)");
    }

    @Test
    void theCounterAGuesserKeepsHittingSurvivesTheFlood() {
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(2), Duration.ofMinutes(5), BOUND, new TestClock());
        for (int i = 0; i < 20_000; i++) {
            throttle.failed("inventato-" + i, "198.18." + (i / 250) + "." + (i % 250));
            if (i % 20 == 0) throttle.failed("busto", "203.0.113." + (i % 200));
        }
        assertFalse(throttle.waitFor("busto", "192.0.2.1").isZero(), "the user name under attack is still slowed down");
    }

    @Test
    void countersExpireWithTheLongestWait() {
        TestClock clock = new TestClock();
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(2), Duration.ofSeconds(60), BOUND, clock);
        for (int i = 0; i < 500; i++) throttle.failed("inventato-" + i, "198.18.0." + (i % 250));
        assertEquals(750, throttle.tracked());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(750, throttle.tracked(), "kept while a wait may still apply");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(0, throttle.tracked(), "forgotten after the longest wait");
    }

    @Test
    void tokensMatchOnlyWhenEqual() {
        String token = Tokens.random();
        assertEquals(43, token.length());
        assertTrue(Tokens.matches(token, new String(token.toCharArray())));
        assertFalse(Tokens.matches(token, token.substring(1)));
        assertFalse(Tokens.matches(token, (token.charAt(0) == 'x' ? "y" : "x") + token.substring(1)));
        assertFalse(Tokens.matches(token, null));
        assertFalse(Tokens.matches(null, token));
        assertFalse(Tokens.matches("", ""), "an empty expected token matches nothing");
        assertNotEquals(Tokens.random(), Tokens.random());
        assertEquals(Tokens.digest(token), Tokens.digest(new String(token.toCharArray())));
    }
}
