package it.cabina.generator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @Test
    void decimalsFollowTheSourceConventions() {
        assertEquals("1234,50", Formats.euro(123450));
        assertEquals("0,05", Formats.euro(5));
        assertEquals("12,5", Formats.quantity(1250));
        assertEquals("12,05", Formats.quantity(1205));
        assertEquals("3", Formats.quantity(300));
        assertEquals("2.5", Formats.decimalPoint(250));
        assertEquals(123450, Formats.parseHundredths("1234,50"));
        assertEquals(1250, Formats.parseHundredths("12,5"));
        assertEquals(-300, Formats.parseHundredths("-3"));
    }

    @Test
    void timestampsAlwaysCarrySeconds() {
        assertEquals("2025-03-04T10:15:00", Formats.timestamp(LocalDate.of(2025, 3, 4).atTime(10, 15)));
    }

    @Test
    void semestersEndedByTheLastDay() {
        assertEquals(List.of(new Semester(2024, 1), new Semester(2024, 2), new Semester(2025, 1)),
                Semester.endedBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 30)));
        assertEquals(new Semester(2026, 2), Semester.of(LocalDate.of(2026, 7, 1)));
    }
}
