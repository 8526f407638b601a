package it.cabina.portal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static it.cabina.portal.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Scopes over the territory hierarchy, safe paths, users file, sessions and the failed-login slow-down. */
class PortalAccessTest {
    static TerritoryAccess access;

    @BeforeAll
    static void territory() {
        access = TerritoryAccess.of(Fixtures.config());
    }

    @ParameterizedTest(name = "{0} covers {1}:{2} = {3}")
    @CsvSource({
            "AMBITO:AMB-BUSTO-ARSIZIO, AMBITO, AMB-BUSTO-ARSIZIO, true",
            "AMBITO:AMB-BUSTO-ARSIZIO, AMBITO, AMB-SARONNO, false",
            "AMBITO:AMB-BUSTO-ARSIZIO, ASST, 030711, false",
            "AMBITO:AMB-BUSTO-ARSIZIO, REGIONE, 03, false",
            "ASST:030711, ASST, 030711, true",
            "ASST:030711, AMBITO, AMB-SARONNO, true",
            "ASST:030711, AMBITO, AMB-ALTO-MILANESE, false",
            "ASST:030711, ASST, 030705, false",
            "ASST:030711, ATS, 030322, false",
            "ATS:030322, ATS, 030322, true",
            "ATS:030322, ASST, 030711, true",
            "ATS:030322, AMBITO, AMB-BUSTO-ARSIZIO, true",
            "ATS:030322, ASST, 030705, false",
            "ATS:030322, AMBITO, AMB-ALTO-MILANESE, false",
            "ATS:030322, REGIONE, 03, false",
            "REGIONE:03, REGIONE, 03, true",
            "REGIONE:03, AMBITO, AMB-ALTO-MILANESE, true",
            "REGIONE:03, ATS, 030321, true",
            "REGIONE:03, AMBITO, AMB-AFAM-CANTU, true",
            "ASST:030712, AMBITO, AMB-AFAM-CANTU, false",
            "AMBITO:AMB-AFAM-CANTU, AMBITO, AMB-AFAM-CANTU, false",
            "ASST:030322, AMBITO, AMB-BUSTO-ARSIZIO, false",
            "REGIONE:04, AMBITO, AMB-BUSTO-ARSIZIO, false"})
    void aScopeCoversItsTerritoryAndThoseBelow(String scope, String level, String code, boolean covered) {
        assertEquals(covered, access.covers(Scope.parse(scope), Level.parse(level), code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AMBITO", "CITTA:X", "AMBITO:", ":03", ""})
    void aMalformedScopeIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Scope.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.pdf", "cruscotto/../../x", "/etc/passwd", "cruscotto//x.pdf", "cruscotto\\x.pdf", ".hidden",
            "cruscotto/2026/./x.pdf", "a/b/c\u0000.pdf", "cruscotto/2026/AMBITO/..pdf", "", "C:/x.pdf", "cruscotto/%2e%2e/x"})
    void unsafePathsAreNotPlain(String path) {
        assertFalse(ReportFiles.isPlainRelativePath(path), path);
    }

    @Test
    void plainPathsResolveOnlyInsideTheFolder(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("reports");
        Fixtures.write(reports.resolve("cruscotto/2026/AMBITO/AMB-SARONNO.pdf"), "x");
        Fixtures.write(dir.resolve("fuori.pdf"), "segreto");
        Files.createSymbolicLink(reports.resolve("cruscotto/2026/AMBITO/link.pdf"), dir.resolve("fuori.pdf"));
        ReportFiles files = new ReportFiles(reports);
        assertTrue(ReportFiles.isPlainRelativePath("cruscotto/2026/AMBITO/AMB-SARONNO.pdf"));
        assertTrue(files.resolve("cruscotto/2026/AMBITO/AMB-SARONNO.pdf").isPresent());
        assertTrue(files.resolve("cruscotto/2026/AMBITO/link.pdf").isEmpty(), "a link leading outside is refused");
        assertTrue(files.resolve("../fuori.pdf").isEmpty());
        assertTrue(files.resolve("cruscotto/2026/AMBITO").isEmpty(), "folders are not files");
    }

    @Test
    void theUsersFileHoldsOnlyBcryptHashes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.json");
        UserStore store = UserStore.openOrEmpty(file);
        store.put("m.rossi", "segreta-di-prova", List.of(Scope.parse("ASST:030711")), false, access);
        store.save();
        String text = Files.readString(file);
        assertFalse(text.contains("segreta-di-prova"));
        assertTrue(text.contains("$2a$12$"), text);
        User u = UserStore.open(file).find("m.rossi").orElseThrow();
        assertEquals(List.of(new Scope(Level.ASST, "030711")), u.scopes());
        assertTrue(Passwords.matches("segreta-di-prova", u.passwordHash()));
        assertFalse(Passwords.matches("segreta-di-prov", u.passwordHash()));
        assertFalse(Passwords.matches("segreta-di-prova", null), "an unknown user never matches");
    }

    @Test
    void usersAreCheckedBeforeTheyAreStored(@TempDir Path dir) {
        UserStore store = UserStore.openOrEmpty(dir.resolve("users.json"));
        List<Scope> ok = List.of(Scope.parse("AMBITO:AMB-SARONNO"));
        assertThrows(IllegalArgumentException.class, () -> store.put("x", PASSWORD, ok, false, access), "name too short");
        assertThrows(IllegalArgumentException.class, () -> store.put("m.rossi", "corta", ok, false, access), "password too short");
        assertThrows(IllegalArgumentException.class, () -> store.put("m.rossi", PASSWORD, List.of(), false, access), "no scope");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.put("m.rossi", PASSWORD, List.of(Scope.parse("AMBITO:AMB-INVENTATO")), false, access));
        assertTrue(e.getMessage().contains("territorio sconosciuto"), e.getMessage());
        assertTrue(store.users().isEmpty());
    }

    @Test
    void failedLoginsAreSlowedDownMoreAndMore() {
        TestClock clock = new TestClock();
        LoginThrottle t = new LoginThrottle(3, Duration.ofSeconds(2), Duration.ofSeconds(5), 1_000, clock);
        t.failed("busto", "10.0.0.1");
        t.failed("busto", "10.0.0.1");
        assertEquals(Duration.ZERO, t.waitFor("busto", "10.0.0.1"), "the first failures cost nothing");
        t.failed("busto", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), t.waitFor("busto", "10.0.0.2"), "the user name is slowed from any address");
        assertEquals(Duration.ofSeconds(2), t.waitFor("altro", "10.0.0.1"), "the address is slowed for any user name");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Duration.ZERO, t.waitFor("busto", "10.0.0.1"));
        t.failed("BUSTO", "10.0.0.1");
        assertEquals(Duration.ofSeconds(4), t.waitFor("busto", "10.0.0.3"), "doubled, whatever the case of the name");
        clock.advance(Duration.ofSeconds(4));
        t.failed("busto", "10.0.0.1");
        assertEquals(Duration.ofSeconds(5), t.waitFor("busto", "10.0.0.3"), "up to the maximum");
        clock.advance(Duration.ofSeconds(5));
        t.succeeded("busto");
        t.failed("busto", "10.0.0.9");
        assertEquals(Duration.ZERO, t.waitFor("busto", "10.0.0.9"), "a success clears the user name");
        t.failed("busto", "10.0.0.9");
        t.failed("busto", "10.0.0.9");
        clock.advance(Duration.ofSeconds(6));
        t.failed("busto", "10.0.0.9");
        assertEquals(Duration.ZERO, t.waitFor("busto", "10.0.0.9"), "failures older than the maximum wait are forgotten");
    }

    @Test
    void sessionsEndAfterTheirLifetime() {
        TestClock clock = new TestClock();
        Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
        Sessions.Session s = sessions.open("busto");
        assertNotEquals(s.id(), sessions.open("busto").id());
        assertTrue(s.id().length() >= 40);
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(sessions.find(s.id()).isEmpty());
        assertTrue(sessions.find(null).isEmpty());
    }
}
