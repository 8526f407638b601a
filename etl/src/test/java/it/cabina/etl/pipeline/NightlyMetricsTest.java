package it.cabina.etl.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The metrics file: Prometheus text format, written atomically, the last success kept across failed nights. */
class NightlyMetricsTest {
    static final Instant MONDAY = Instant.parse("2026-01-05T01:42:10.250Z");
    static final Instant TUESDAY = Instant.parse("2026-01-06T01:40:00Z");

    @TempDir
    Path tmp;

    static NightlyMetrics ok(Instant at) {
        return new NightlyMetrics("run-20260105T013000.000", at, NightlyMetrics.Outcome.OK, 730.5,
                List.of(new NightlyMetrics.Stage("intake", 2.5, Map.of("consegne_da_caricare", 3L)),
                        new NightlyMetrics.Stage("bronze", 120.25, Map.of("consegne", 3L))),
                Map.of("loaded", 3L), Map.of("received", 1200L), 0, 0, false);
    }

    @Test
    void aSuccessfulNightInPrometheusTextFormat() throws Exception {
        Path file = tmp.resolve("textfile/cabina.prom");
        ok(MONDAY).write(file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("# Cabina: the last nightly (run-20260105T013000.000), ok\n"), text);
        assertTrue(text.contains("""
                # HELP cabina_nightly_last_run_timestamp_seconds When the last nightly ended (Unix time).
                # TYPE cabina_nightly_last_run_timestamp_seconds gauge
                cabina_nightly_last_run_timestamp_seconds 1767577330.25
                """), text);
        assertTrue(text.contains("cabina_nightly_last_success_timestamp_seconds 1767577330.25\n"), text);
        assertTrue(text.contains("cabina_nightly_outcome{outcome=\"ok\"} 1\ncabina_nightly_outcome{outcome=\"partial\"} 0\n"), text);
        assertTrue(text.contains("cabina_nightly_duration_seconds 730.5\n"), text);
        assertTrue(text.contains("cabina_nightly_stage_duration_seconds{stage=\"bronze\"} 120.25\n"), text);
        assertTrue(text.contains("cabina_nightly_stage_counted{stage=\"intake\",what=\"consegne_da_caricare\"} 3\n"), text);
        assertTrue(text.contains("cabina_nightly_deliveries{status=\"loaded\"} 3\n"), text);
        assertTrue(text.contains("cabina_nightly_rows_received 1200\n"), text);
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    @Test
    void aFailedNightKeepsTheLastSuccessAndAConfigurationErrorToo() throws Exception {
        Path file = tmp.resolve("cabina.prom");
        ok(MONDAY).write(file);
        new NightlyMetrics("run-2", TUESDAY, NightlyMetrics.Outcome.FAILED, 12, List.of(), Map.of(), Map.of(), 0, 1, true).write(file);
        String failed = Files.readString(file);
        assertTrue(failed.contains("cabina_nightly_last_run_timestamp_seconds 1767663600\n"), failed);
        assertTrue(failed.contains("cabina_nightly_last_success_timestamp_seconds 1767577330.25\n"), "Monday's: " + failed);
        assertTrue(failed.contains("cabina_nightly_outcome{outcome=\"failed\"} 1\n"), failed);
        assertTrue(failed.contains("cabina_nightly_warnings 1\n") && failed.contains("cabina_nightly_lock_taken_over 1\n"), failed);
        assertFalse(failed.contains("cabina_nightly_deliveries"), "nothing known: no series rather than zeros");

        NightlyMetrics.configError(TUESDAY.plusSeconds(60), 0.5).write(file);
        String config = Files.readString(file);
        assertTrue(config.contains("cabina_nightly_outcome{outcome=\"config_error\"} 1\n"), config);
        assertTrue(config.contains("cabina_nightly_last_success_timestamp_seconds 1767577330.25\n"), config);
    }

    @Test
    void withoutAnEarlierSuccessTheSeriesIsAbsentAndAnUnwritableFileIsOnlyAWarning() throws Exception {
        Path file = tmp.resolve("cabina.prom");
        NightlyMetrics.configError(TUESDAY, 0.5).write(file);
        assertFalse(Files.readString(file).contains("cabina_nightly_last_success_timestamp_seconds"), "absent(): the alert fires");

        List<String> warnings = new ArrayList<>();
        Path blocked = Files.writeString(tmp.resolve("a-file"), "x").resolve("cabina.prom");
        ok(MONDAY).publish(blocked, warnings::add);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("ATTENZIONE: metriche non scritte in " + blocked), warnings.toString());
        ok(MONDAY).publish(null, warnings::add);
        assertEquals(1, warnings.size(), "no file configured: nothing to write");
    }
}
