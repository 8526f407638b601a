package it.cabina.etl.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.cabina.warehouse.config.CabinaConfig;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps two nightlies from running on one warehouse at once, on the warehouse's own file system (Hadoop FileSystem
 * API: local paths, HDFS, …), in {@code <warehouse>/_lock/}.
 * <p>
 * Each contender writes its own claim file ({@code <run_id>.json}: run id, host, pid, start time) and then lists the
 * folder; it holds the lock only if no other live claim is there, otherwise it withdraws. Claims have unique names, so
 * this needs no atomic create-if-absent (which Hadoop's local file system does not give) and two contenders can never
 * both win: whichever wrote second sees the first. The heartbeat is the claim's modification time, refreshed while the
 * run lasts. A claim is dead when its holder is provably gone — same host and its process ended (or the pid now
 * belongs to a younger process), or no heartbeat for {@code stale_after_minutes} — and is then removed by whoever sees
 * it; that is logged and returned by {@link #takenOver()} for the run ledger.
 */
public final class RunLock implements AutoCloseable {
    public static final String FOLDER = "_lock";
    /** A claim younger than this may be a contender about to withdraw: worth one more look before refusing. */
    private static final Duration CONTENDER_AGE = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds (or held) a claim; the heartbeat is the claim's modification time. */
    public record Holder(String runId, String host, long pid, Instant startedAt, Instant heartbeat, Path claim) {
        String describe() {
            return runId + " su " + host + " (pid " + pid + "), iniziato " + startedAt + ", ultimo battito " + heartbeat;
        }

        /** What the holder is doing, told by its run id's prefix (see {@link RunLock#runId}). */
        public String activity() {
            if (runId.startsWith("export-")) return "un export";
            if (runId.startsWith("report-")) return "un report --all";
            if (runId.startsWith("housekeeping-")) return "una manutenzione (housekeeping)";
            return "un nightly";
        }
    }

    /** Another nightly holds the lock. */
    public static final class BusyException extends RuntimeException {
        private final transient Holder holder;

        BusyException(Holder holder, Path folder) {
            super(holder.activity() + " è in corso sullo stesso warehouse: " + holder.describe() + " — lucchetto " + folder
                    + ". Nessuna modifica fatta. Un lucchetto abbandonato si libera da solo (processo terminato sullo stesso host,"
                    + " o nessun battito per il tempo di operations.lock.stale_after_minutes)");
            this.holder = holder;
        }

        public Holder holder() { return holder; }
    }

    private final FileSystem fs;
    private final Path claim;
    private final String takenOver;
    private final ScheduledExecutorService heartbeat;
    private volatile String lost;

    private RunLock(FileSystem fs, Path claim, String takenOver, int heartbeatSeconds) {
        this.fs = fs;
        this.claim = claim;
        this.takenOver = takenOver;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cabina-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    /**
     * Takes the lock of this warehouse for the run, or throws {@link BusyException}.
     *
     * @throws UncheckedIOException when the warehouse cannot be written (the message names the path)
     */
    public static RunLock acquire(Configuration hadoop, String warehouse, String runId, CabinaConfig.Operations ops,
                                  Consumer<String> progress) {
        Path folder = new Path(warehouse, FOLDER);
        FileSystem fs;
        try {
            fs = folder.getFileSystem(hadoop);
            if (!fs.mkdirs(folder)) throw new IOException("la cartella non si crea");
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UncheckedIOException("warehouse non scrivibile: non posso creare " + folder + " (" + why + ")",
                    e instanceof IOException io ? io : new IOException(e));
        }
        Holder me = new Holder(runId, hostName(), ProcessHandle.current().pid(), Instant.now(), null, new Path(folder, runId + ".json"));
        List<String> takenOver = new ArrayList<>();
        try {
            for (int attempt = 1; ; attempt++) {
                writeClaim(fs, me);
                Holder rival = null;
                for (Holder other : claims(fs, folder)) {
                    if (other.claim().getName().equals(me.claim().getName())) continue;
                    String dead = deadBecause(other, me.host(), Duration.ofMinutes(ops.lockStaleMinutes()));
                    if (dead != null) {
                        if (fs.delete(other.claim(), false)) {
                            String note = other.describe() + ": " + dead;
                            takenOver.add(note);
                            progress.accept("ATTENZIONE: lucchetto abbandonato ripreso — " + note);
                        }
                    } else if (rival == null || other.startedAt().isBefore(rival.startedAt())) {
                        rival = other;
                    }
                }
                if (rival == null) {
                    return new RunLock(fs, me.claim(), takenOver.isEmpty() ? null : String.join("; ", takenOver), ops.lockHeartbeatSeconds());
                }
                fs.delete(me.claim(), false);
                boolean maybeContender = Duration.between(rival.startedAt(), Instant.now()).compareTo(CONTENDER_AGE) < 0;
                if (!maybeContender || attempt == ATTEMPTS) throw new BusyException(rival, folder);
                // two runs started together both withdraw: wait a random while so that one comes back first
                Thread.sleep(300 + ThreadLocalRandom.current().nextLong(1700));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lucchetto del warehouse non scrivibile in " + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrotto mentre attendeva il lucchetto", e);
        }
    }

    /**
     * A run id for a command that takes the lock: its name and the time, e.g. {@code export-20260105T013000.123}
     * (the nightly's are {@code run-…}); {@link Holder#activity()} tells them apart in messages.
     */
    public static String runId(String command, java.time.Instant now) {
        return command + "-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS")
                .withZone(java.time.ZoneId.of("UTC")).format(now);
    }

    /** The abandoned lock(s) this run took over, described, or null. */
    public String takenOver() { return takenOver; }

    /** Throws if this run's claim was removed meanwhile (judged dead by another run): it must not commit anything more. */
    public void check() {
        if (lost == null) {
            try {
                if (!fs.exists(claim)) lost = "il file " + claim + " non esiste più";
            } catch (IOException e) {
                lost = e.getMessage();
            }
        }
        if (lost != null) throw new IllegalStateException("lucchetto perso (" + lost + "): il nightly si ferma senza registrare altro");
    }

    private void beat() {
        try {
            fs.setTimes(claim, System.currentTimeMillis(), -1);
        } catch (FileNotFoundException e) {
            lost = "il file " + claim + " non esiste più";
        } catch (IOException | RuntimeException e) {
            // a missed beat is not fatal: the claim goes stale only after stale_after_minutes
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            fs.delete(claim, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + claim, e);
        }
    }

    /** Why the holder of this claim is provably gone, or null while it may be alive. */
    static String deadBecause(Holder h, String myHost, Duration staleAfter) {
        if (h.host().equals(myHost) && h.pid() > 0) {
            var process = ProcessHandle.of(h.pid());
            if (process.isEmpty() || !process.get().isAlive()) return "il processo " + h.pid() + " non esiste più su " + myHost;
            var started = process.get().info().startInstant();
            // the pid was reused by a process born after the claim was written
            if (started.isPresent() && started.get().isAfter(h.startedAt().plusSeconds(1))) {
                return "il pid " + h.pid() + " appartiene ora a un altro processo";
            }
        }
        Instant beat = h.heartbeat() != null ? h.heartbeat() : h.startedAt();
        if (Duration.between(beat, Instant.now()).compareTo(staleAfter) > 0) {
            return "nessun battito da più di " + staleAfter.toMinutes() + " minuti";
        }
        return null;
    }

    /** The claims currently in the folder; an unreadable one (being written) counts as alive, dated by its file. */
    static List<Holder> claims(FileSystem fs, Path folder) throws IOException {
        List<Holder> out = new ArrayList<>();
        for (FileStatus st : fs.listStatus(folder)) {
            if (!st.isFile() || !st.getPath().getName().endsWith(".json")) continue;
            Instant mtime = Instant.ofEpochMilli(st.getModificationTime());
            try (InputStream in = fs.open(st.getPath())) {
                JsonNode n = JSON.readTree(in);
                out.add(new Holder(n.path("run_id").asText(), n.path("host").asText(), n.path("pid").asLong(-1),
                        Instant.parse(n.path("started_at").asText()), mtime, st.getPath()));
            } catch (FileNotFoundException e) {
                // released meanwhile
            } catch (IOException | RuntimeException e) {
                out.add(new Holder(st.getPath().getName(), "?", -1, mtime, mtime, st.getPath()));
            }
        }
        return out;
    }

    private static void writeClaim(FileSystem fs, Holder me) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("run_id", me.runId()).put("host", me.host()).put("pid", me.pid())
                .put("started_at", me.startedAt().toString());
        try (FSDataOutputStream out = fs.create(me.claim(), true)) {
            out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String h = System.getenv("HOSTNAME");
            return h == null || h.isBlank() ? "localhost" : h;
        }
    }
}
