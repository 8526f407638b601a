package it.cabina.portal.web;

import it.cabina.warehouse.published.Dashboard.TrendPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PortalTrendChartTest {
    @Test
    void higherValuesAreDrawnHigherAndMissingOnesAreNotDrawn() {
        TrendChart c = TrendChart.of(List.of(2025, 2026, 2027), List.of(
                new TrendPoint(2025, 40.0, "40,0%", 50.0, "≥ 50%", "NON_RAGGIUNTO"),
                new TrendPoint(2026, 60.0, "60,0%", 75.0, "≥ 75%", "RAGGIUNTO"),
                new TrendPoint(2027, null, "—", 100.0, "≥ 100%", "NON_CALCOLABILE")));
        assertEquals(2, c.dots().size());
        assertEquals(3, c.labels().size(), "every year of the triennium is labelled");
        assertTrue(c.dots().get(1).y() < c.dots().get(0).y(), "60 above 40");
        assertTrue(c.dots().get(0).x() < c.dots().get(1).x());
        assertEquals("status-raggiunto", c.dots().get(1).statusClass());
        assertEquals(3, c.targets().size(), "a target also for the year without a value");
        assertTrue(c.targets().get(2).y() < c.dots().get(1).y(), "target 100 above value 60");
        assertTrue(c.targets().get(0).y() < c.dots().get(0).y(), "target 50 above value 40");
        assertTrue(c.hasLine());
        assertTrue(c.description().contains("2027: —"), c.description());
        for (TrendChart.Dot d : c.dots()) assertTrue(d.y() >= 0 && d.y() <= c.height() && d.textY() >= 0, d.toString());
    }

    @Test
    void aSingleValueIsADotWithoutALine() {
        TrendChart c = TrendChart.of(List.of(2025, 2026, 2027), List.of(new TrendPoint(2025, 0.0, "0", null, null, "BASELINE")));
        assertEquals(1, c.dots().size());
        assertFalse(c.hasLine());
    }
}
