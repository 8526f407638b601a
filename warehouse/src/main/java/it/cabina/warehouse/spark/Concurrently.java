package it.cabina.warehouse.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Runs independent pieces of work on a few threads and gives their results in the order of the inputs. Used where
 * the driver would otherwise wait on many small Spark jobs one after the other (reading a dozen small tables, writing
 * the export), and for report rendering, which is CPU work on data in memory. Spark runs jobs submitted from
 * several threads side by side.
 */
public final class Concurrently {
    /** One piece of work; its exception, if any, is thrown again by {@link #map} (checked ones wrapped). */
    @FunctionalInterface
    public interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    /** Enough threads to keep every core busy while some of them wait on the driver (planning, Delta logs). */
    public static final int SPARK_QUERIES = Runtime.getRuntime().availableProcessors() + 1;
    /** One thread per core, for work that is all CPU. */
    public static final int CPU = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Concurrently() {}

    /** {@link #inDependencyOrder} for items that do not depend on one another. */
    public static <T, R> List<R> map(List<T> items, int threads, Work<T, R> work) {
        return inDependencyOrder(items, item -> List.of(), threads, work);
    }

    /**
     * Runs {@code work} on every item as soon as the items it depends on are done, up to {@code threads} at a time,
     * and gives the results in the order of the inputs. An item may depend only on items before it in the list.
     * When a piece of work fails, the items that depend on it do not run, and the first failure in list order is
     * thrown once the pieces already running have ended.
     */
    public static <T, R> List<R> inDependencyOrder(List<T> items, Function<T, Collection<T>> dependsOn, int threads, Work<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
        try {
            List<CompletableFuture<R>> futures = new ArrayList<>();
            Map<T, CompletableFuture<R>> byItem = new HashMap<>();
            for (T item : items) {
                List<CompletableFuture<R>> before = new ArrayList<>();
                for (T d : dependsOn.apply(item)) {
                    CompletableFuture<R> f = byItem.get(d);
                    if (f == null) throw new IllegalArgumentException(item + " depends on " + d + ", which does not come before it");
                    before.add(f);
                }
                CompletableFuture<R> f = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(x -> call(work, item), pool);
                futures.add(f);
                byItem.putIfAbsent(item, f);
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            List<R> out = new ArrayList<>();
            for (CompletableFuture<R> f : futures) out.add(result(f));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts {@code work} now on a thread of its own (a daemon, with this thread's class loader), for a result wanted
     * later: two slow things that need nothing of each other, such as starting Spark and checking the configuration.
     */
    public static <R> Beside<R> beside(String name, Callable<R> work) {
        FutureTask<R> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return new Beside<>(task);
    }

    /** Work started by {@link #beside}. */
    public static final class Beside<R> {
        private final FutureTask<R> task;

        private Beside(FutureTask<R> task) {
            this.task = task;
        }

        /** Waits for the result; the work's exception is thrown again as {@link #map} does. */
        public R join() {
            return result(task);
        }
    }

    private static <T, R> R call(Work<T, R> work, T item) {
        try {
            return work.apply(item);
        } catch (RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <R> R result(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for concurrent work", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) cause = cause.getCause();
            if (cause instanceof RuntimeException r) throw r; // its message names what failed
            if (cause instanceof Error err) throw err;
            if (cause instanceof IOException io) throw new UncheckedIOException(io);
            throw new IllegalStateException(cause);
        }
    }
}
