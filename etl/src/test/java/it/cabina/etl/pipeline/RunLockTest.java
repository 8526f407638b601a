package it.cabina.etl.pipeline;

import it.cabina.warehouse.config.CabinaConfig;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The warehouse lock on the local file system through Hadoop's API: busy, released, dead holders taken over, races. */
class RunLockTest {
    static final CabinaConfig.Operations OPS = new CabinaConfig.Operations(1, 1, 30, 90, 90, 16, false, 7);
    final Configuration hadoop = new Configuration();
    final List<String> log = new ArrayList<>();

    @TempDir
    java.nio.file.Path tmp;

    RunLock acquire(String runId) {
        return RunLock.acquire(hadoop, tmp.toString(), runId, OPS, log::add);
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLockAndMayStartAfter() {
        RunLock first = acquire("run-A");
        RunLock.BusyException busy = assertThrows(RunLock.BusyException.class, () -> acquire("run-B"));
        assertEquals("run-A", busy.holder().runId());
        assertTrue(busy.getMessage().startsWith("un nightly è in corso sullo stesso warehouse: run-A su "), busy.getMessage());
        assertTrue(busy.getMessage().contains("pid " + ProcessHandle.current().pid()));
        first.close();
        try (RunLock second = acquire("run-B")) {
            assertNull(second.takenOver(), "a released lock is not a takeover");
        }
        assertTrue(log.isEmpty(), log.toString());
    }

    @Test
    void aLockWhoseProcessIsGoneOnThisHostIsTakenOverAndSaysSo() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        claim("run-DEAD", RunLock.hostName(), p.pid(), Instant.now());
        try (RunLock lock = acquire("run-NEW")) {
            assertTrue(lock.takenOver().startsWith("run-DEAD su ") && lock.takenOver().contains("il processo " + p.pid() + " non esiste più"),
                    lock.takenOver());
        }
        assertTrue(log.get(0).startsWith("ATTENZIONE: lucchetto abbandonato ripreso — run-DEAD"), log.toString());
    }

    @Test
    void aLockOfAnotherHostIsTakenOverOnlyWhenItsHeartbeatIsStale() throws Exception {
        Path fresh = claim("run-OTHER", "another-host", 4242, Instant.now().minusSeconds(3600));
        assertThrows(RunLock.BusyException.class, () -> acquire("run-NEW"), "its file was just written: a fresh heartbeat");
        FileSystem fs = fresh.getFileSystem(hadoop);
        fs.setTimes(fresh, Instant.now().minus(Duration.ofMinutes(2)).toEpochMilli(), -1);
        try (RunLock lock = acquire("run-NEW")) {
            assertTrue(lock.takenOver().contains("nessun battito da più di 1 minuti"), lock.takenOver());
        }
    }

    @Test
    void theHeartbeatKeepsALongRunAlive() throws Exception {
        try (RunLock lock = acquire("run-LONG")) {
            Path claim = new Path(tmp.toString(), RunLock.FOLDER + "/run-LONG.json");
            FileSystem fs = claim.getFileSystem(hadoop);
            fs.setTimes(claim, Instant.now().minus(Duration.ofMinutes(5)).toEpochMilli(), -1);
            Thread.sleep(2500);
            assertTrue(Instant.ofEpochMilli(fs.getFileStatus(claim).getModificationTime()).isAfter(Instant.now().minusSeconds(5)), "refreshed");
            lock.check();
            fs.delete(claim, false);
            assertThrows(IllegalStateException.class, lock::check, "a run whose claim was removed must not go on committing");
        }
    }

    @Test
    void ofRunsStartedTogetherExactlyOneHoldsTheLock() throws Exception {
        for (int round = 0; round < 3; round++) {
            int n = 4;
            CyclicBarrier start = new CyclicBarrier(n);
            CountDownLatch decided = new CountDownLatch(n);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger holders = new AtomicInteger(), refused = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "run-" + round + "-" + i;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        try (RunLock lock = acquire(id)) {
                            holders.incrementAndGet();
                            decided.countDown();
                            release.await();
                        } catch (RunLock.BusyException e) {
                            refused.incrementAndGet();
                            decided.countDown();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            decided.await();
            release.countDown();
            for (Thread t : threads) t.join();
            assertEquals(1, holders.get(), "round " + round);
            assertEquals(n - 1, refused.get());
        }
    }

    @Test
    void anUnwritableWarehouseIsAClearError() throws Exception {
        java.nio.file.Path file = Files.writeString(tmp.resolve("a-file"), "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> RunLock.acquire(hadoop, file.resolve("wh").toString(), "run-X", OPS, log::add));
        assertTrue(e.getMessage().startsWith("warehouse non scrivibile: non posso creare " + file.resolve("wh/_lock")), e.getMessage());
    }

    Path claim(String runId, String host, long pid, Instant started) throws Exception {
        Path p = new Path(tmp.toString(), RunLock.FOLDER + "/" + runId + ".json");
        FileSystem fs = p.getFileSystem(hadoop);
        fs.mkdirs(p.getParent());
        try (var out = fs.create(p, true)) {
            out.write(("{\"run_id\":\"" + runId + "\",\"host\":\"" + host + "\",\"pid\":" + pid + ",\"started_at\":\"" + started + "\"}").getBytes());
        }
        return p;
    }
}
