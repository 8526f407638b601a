package it.cabina.warehouse.spark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

class ConcurrentlyTest {

    @Test
    void resultsComeInTheOrderOfTheInputs() {
        List<Integer> items = List.of(5, 1, 4, 2, 3);
        assertEquals(List.of(50, 10, 40, 20, 30), Concurrently.map(items, 3, i -> {
            Thread.sleep(i * 5L); // the first item ends last
            return i * 10;
        }));
        assertEquals(List.of(2, 2, 4), Concurrently.map(List.of(1, 1, 2), 2, i -> i * 2), "equal items each give their result");
    }

    @Test
    void aFailureIsThrownAsItWasAndCheckedOnesAreWrapped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Concurrently.map(List.of(1, 2, 3), 2, i -> { if (i == 2) throw new IllegalArgumentException("riga 2"); return i; }));
        assertEquals("riga 2", e.getMessage());
        assertThrows(UncheckedIOException.class, () -> Concurrently.map(List.of(1, 2), 2, i -> { throw new IOException("disco"); }));
    }

    @Test
    void anItemRunsOnlyAfterTheItemsItDependsOn() {
        // a <- b <- d, a <- c; e alone
        Map<String, Set<String>> deps = Map.of("a", Set.of(), "b", Set.of("a"), "c", Set.of("a"), "d", Set.of("b", "c"), "e", Set.of());
        for (int round = 0; round < 20; round++) {
            List<String> order = new CopyOnWriteArrayList<>();
            List<String> out = Concurrently.inDependencyOrder(List.of("a", "b", "c", "d", "e"), deps::get, 3, x -> {
                for (String d : deps.get(x)) assertTrue(order.contains(d), x + " ran before " + d);
                Thread.sleep(1);
                order.add(x);
                return x.toUpperCase();
            });
            assertEquals(List.of("A", "B", "C", "D", "E"), out);
            assertEquals(5, order.size());
        }
    }

    @Test
    void whatDependsOnAFailedItemDoesNotRunAndTheFirstFailureIsThrown() {
        Map<String, Set<String>> deps = Map.of("a", Set.of(), "b", Set.of("a"), "c", Set.of());
        Set<String> ran = ConcurrentHashMap.newKeySet();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Concurrently.inDependencyOrder(List.of("a", "b", "c"), deps::get, 2, x -> {
            ran.add(x);
            if (x.equals("a")) throw new IllegalStateException("a non riuscita");
            return x;
        }));
        assertEquals("a non riuscita", e.getMessage());
        assertFalse(ran.contains("b"));
        assertTrue(ran.contains("c"), "independent work still ran");
    }

    @Test
    void workBesideRunsWhileTheCallerGoesOnAndGivesItsResultOrItsFailure() throws Exception {
        java.util.concurrent.CountDownLatch callerWent = new java.util.concurrent.CountDownLatch(1);
        Concurrently.Beside<String> beside = Concurrently.beside("test-beside", () -> {
            // it waits for the caller: had it run in the caller's thread, this would never end
            assertTrue(callerWent.await(10, java.util.concurrent.TimeUnit.SECONDS));
            return Thread.currentThread().getName();
        });
        callerWent.countDown();
        assertEquals("test-beside", beside.join());
        assertEquals("test-beside", beside.join(), "joined again: the same result");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Concurrently.beside("test-fails", () -> { throw new IllegalStateException("Spark non parte"); }).join());
        assertEquals("Spark non parte", e.getMessage());
        assertThrows(UncheckedIOException.class, () -> Concurrently.beside("test-io", () -> { throw new IOException("disco"); }).join());
    }

    @Test
    void aDependencyMustComeBeforeTheItem() {
        assertThrows(IllegalArgumentException.class,
                () -> Concurrently.inDependencyOrder(List.of("a", "b"), x -> x.equals("a") ? Set.of("b") : Set.of(), 2, x -> x));
    }
}
