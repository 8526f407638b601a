package it.cabina.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** `cabina users` and the refusals of `cabina serve`, through the command line. */
class PortalCommandsTest {

    static CliTest.Result withStdin(String stdin, String... args) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliTest.run(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void usersAreAddedListedAndRemovedWithHashedPasswords(@TempDir Path dir) throws Exception {
        String file = dir.resolve("users.json").toString();
        CliTest.Result add = withStdin("password-di-prova\n", "users", "add", "m.rossi", "--scope", "AMBITO:AMB-SARONNO",
                "--scope", "ASST:030705", "--password-stdin", "--users", file);
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("Utente aggiunto: m.rossi"), add.out());
        assertFalse(Files.readString(Path.of(file)).contains("password-di-prova"));

        CliTest.Result admin = withStdin("altra-password-lunga\n", "users", "add", "admin", "--admin", "--password-stdin", "--users", file);
        assertEquals(0, admin.code(), admin.err());

        CliTest.Result list = CliTest.run("users", "list", "--users", file);
        assertEquals(0, list.code());
        assertTrue(list.out().contains("m.rossi") && list.out().contains("AMBITO:AMB-SARONNO, ASST:030705"), list.out());
        assertTrue(list.out().contains("admin") && list.out().contains("amministratore"), list.out());

        assertEquals(0, CliTest.run("users", "remove", "m.rossi", "--users", file).code());
        assertFalse(CliTest.run("users", "list", "--users", file).out().contains("m.rossi"));
        CliTest.Result again = CliTest.run("users", "remove", "m.rossi", "--users", file);
        assertEquals(1, again.code());
        assertTrue(again.err().contains("utente non trovato"), again.err());
    }

    @Test
    void badUsersAreRefusedWithAMessage(@TempDir Path dir) {
        String file = dir.resolve("users.json").toString();
        CliTest.Result unknown = withStdin("password-di-prova\n", "users", "add", "m.rossi", "--scope", "AMBITO:AMB-INVENTATO",
                "--password-stdin", "--users", file);
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("ERRORE: territorio sconosciuto: AMBITO:AMB-INVENTATO"), unknown.err());
        CliTest.Result malformed = withStdin("password-di-prova\n", "users", "add", "m.rossi", "--scope", "COMUNE:012026",
                "--password-stdin", "--users", file);
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("LIVELLO:CODICE"), malformed.err());
        CliTest.Result shortPassword = withStdin("breve\n", "users", "add", "m.rossi", "--scope", "AMBITO:AMB-SARONNO",
                "--password-stdin", "--users", file);
        assertEquals(2, shortPassword.code());
        assertTrue(shortPassword.err().contains("almeno 10 caratteri"), shortPassword.err());
        CliTest.Result noStdinFlag = CliTest.run("users", "add", "m.rossi", "--scope", "AMBITO:AMB-SARONNO", "--users", file);
        assertEquals(2, noStdinFlag.code());
        assertTrue(noStdinFlag.err().contains("--password-stdin"), noStdinFlag.err());
        assertFalse(Files.exists(Path.of(file)), "nothing was written");
        assertEquals(2, CliTest.run("users").code(), "a subcommand is needed");
    }

    @Test
    void theServerRefusesToStartWithoutAUsersFile(@TempDir Path dir) {
        CliTest.Result r = CliTest.run("serve", "--users", dir.resolve("nessuno.json").toString(), "--reports", dir.toString(), "--port", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nessun file degli utenti") && r.err().contains("--demo"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
