package it.cabina.cli;

import it.cabina.portal.DemoUsers;
import it.cabina.portal.TerritoryAccess;
import it.cabina.portal.web.PortalServer;
import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Avvia il portale dei report per i pianificatori: elenco, cruscotto e download, con accesso per territorio.",
                "Legge solo i file scritti dal nightly nella cartella dei report; non avvia Spark."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--reports", paramLabel = "DIR", description = "Cartella dei report (default: paths.reports; con --demo data/demo/reports).")
    Path reports;

    @Option(names = "--esiti", paramLabel = "DIR", description = "Cartella degli esiti delle consegne (default: paths.esiti; con --demo data/demo/esiti).")
    Path esiti;

    @Option(names = "--users", paramLabel = "FILE", description = "File degli utenti (default: portal.users_file; con --demo data/demo/portal/users.json).")
    Path users;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Indirizzo su cui ascoltare (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Porta (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--demo", description = "Crea utenti dimostrativi (password stampate una volta) e usa i report della demo.")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        CabinaConfig config = CabinaConfig.load();
        Path demoDir = config.home().resolve("data/demo");
        Path reportsDir = reports != null ? reports.toAbsolutePath().normalize()
                : demo ? demoDir.resolve("reports") : localPath(config.reports());
        Path esitiDir = esiti != null ? esiti.toAbsolutePath().normalize()
                : demo ? demoDir.resolve("esiti") : PortalServer.localPath(config.esiti());
        Path usersFile = users != null ? users.toAbsolutePath().normalize()
                : demo ? demoDir.resolve("portal/users.json") : config.portal().usersFile();
        Path auditLog = demo ? demoDir.resolve("portal/audit.log") : config.portal().auditLog();

        if (demo) {
            System.out.println("DEMO: utenti dimostrativi in " + usersFile + " (ricreati a ogni avvio, da non usare con dati reali).");
            System.out.println("Password mostrate solo ora:");
            for (DemoUsers.DemoUser u : DemoUsers.create(usersFile, TerritoryAccess.of(config))) {
                System.out.printf("  %-16s %-16s %-20s %s%n", u.username(), u.password(), u.scope(), u.description());
            }
        } else if (!Files.isRegularFile(usersFile)) {
            throw new ConfigException("nessun file degli utenti in " + usersFile
                    + ": crea un utente con ./cabina users add NOME --scope LIVELLO:CODICE --password-stdin, oppure prova ./cabina serve --demo");
        }
        if (!Files.isRegularFile(reportsDir.resolve("index.json"))) {
            System.out.println("Attenzione: " + reportsDir.resolve("index.json") + " non esiste ancora: il portale mostrerà un elenco vuoto"
                    + (demo ? " (esegui prima ./cabina demo)." : " finché il nightly non produce i report."));
        }
        PortalServer server = new PortalServer(PortalServer.Setup.of(config, reportsDir, esitiDir, usersFile, auditLog, Clock.systemUTC()));
        server.start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "portal-shutdown"));
        System.out.println("Portale dei report su http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port() + "/");
        System.out.println("  report: " + reportsDir);
        System.out.println("  esiti delle consegne: " + (esitiDir == null ? "non disponibili (paths.esiti non è una cartella locale: usa --esiti DIR)" : esitiDir));
        System.out.println("  utenti: " + usersFile);
        System.out.println("  registro degli accessi: " + auditLog);
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            System.out.println("Attenzione: il portale parla HTTP senza cifratura: esponilo solo dietro un proxy HTTPS.");
        }
        System.out.println("Ctrl-C per fermarlo.");
        stopped.await();
        return 0;
    }

    /** The portal reads local files only. */
    static Path localPath(String configured) {
        if (configured.startsWith("file:")) return Path.of(java.net.URI.create(configured));
        if (configured.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            throw new ConfigException("il portale legge solo cartelle locali; paths.reports è " + configured + ": usa --reports DIR");
        }
        return Path.of(configured);
    }
}
