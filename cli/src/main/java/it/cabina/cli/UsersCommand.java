package it.cabina.cli;

import it.cabina.portal.Scope;
import it.cabina.portal.TerritoryAccess;
import it.cabina.portal.User;
import it.cabina.portal.UserStore;
import it.cabina.warehouse.config.CabinaConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Utenti del portale dei report: territori visibili e password (conservate solo come hash bcrypt).",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
public final class UsersCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "manca il sottocomando: add, list o remove");
    }

    /** --users, shared by the subcommands. */
    static final class UsersFileOption {
        @Option(names = "--users", paramLabel = "FILE", description = "File degli utenti (default: portal.users_file di conf/cabina.yaml).")
        Path users;

        Path file(CabinaConfig config) {
            return users != null ? users.toAbsolutePath().normalize() : config.portal().usersFile();
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Aggiunge un utente (o lo sostituisce se esiste già). La password si legge dalla prima riga dello standard input.",
                    "Esempio: printf '%%s\\n' \"$PASSWORD\" | ./cabina users add m.rossi --scope AMBITO:AMB-SARONNO --password-stdin"})
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USERNAME", description = "Nome utente.")
        String username;

        @Option(names = "--scope", paramLabel = "LIVELLO:CODICE",
                description = "Territorio visibile, con quelli sotto di esso: AMBITO:AMB-…, ASST:0307xx, ATS:0303xx, REGIONE:03. Ripetibile.")
        List<String> scopes = List.of();

        @Option(names = "--admin", description = "Amministratore: vede tutti i territori.")
        boolean admin;

        @Option(names = "--password-stdin", required = true, description = "Legge la password dallo standard input (obbligatorio: mai sulla riga di comando).")
        boolean passwordStdin;

        @picocli.CommandLine.Mixin
        UsersFileOption file = new UsersFileOption();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            CabinaConfig config = CabinaConfig.load();
            List<Scope> parsed = Arguments.parsed(spec, () -> scopes.stream().map(Scope::parse).toList());
            String password = readPassword();
            if (password == null) throw Arguments.invalid(spec, "nessuna password sullo standard input");
            Path path = file.file(config);
            UserStore store = UserStore.openOrEmpty(path);
            boolean existed = store.find(username).isPresent();
            Arguments.parsed(spec, () -> {
                store.put(username, password, parsed, admin, TerritoryAccess.of(config));
                return null;
            });
            store.save();
            System.out.println((existed ? "Utente aggiornato: " : "Utente aggiunto: ") + username + " (" + describe(store.find(username).orElseThrow()) + ") in " + path);
            return 0;
        }
    }

    /** From a terminal without echo, else the first line of standard input (a pipe or a file). */
    static String readPassword() throws IOException {
        java.io.Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Elenca gli utenti e i loro territori.")
    static final class ListUsers implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        UsersFileOption file = new UsersFileOption();

        @Override
        public Integer call() {
            Path path = file.file(CabinaConfig.load());
            List<User> users = UserStore.open(path).users();
            if (users.isEmpty()) System.out.println("Nessun utente in " + path);
            for (User u : users) System.out.printf("%-24s %s%n", u.username(), describe(u));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Toglie un utente: le sue sessioni aperte finiscono alla richiesta successiva.")
    static final class Remove implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @picocli.CommandLine.Mixin
        UsersFileOption file = new UsersFileOption();

        @Override
        public Integer call() {
            Path path = file.file(CabinaConfig.load());
            UserStore store = UserStore.open(path);
            if (!store.remove(username)) {
                System.err.println("ERRORE: utente non trovato: " + username);
                return 1;
            }
            store.save();
            System.out.println("Utente tolto: " + username);
            return 0;
        }
    }

    static String describe(User u) {
        String scopes = u.scopes().stream().map(Scope::toString).collect(Collectors.joining(", "));
        if (u.admin()) return "amministratore" + (scopes.isEmpty() ? "" : "; " + scopes);
        return scopes;
    }
}
