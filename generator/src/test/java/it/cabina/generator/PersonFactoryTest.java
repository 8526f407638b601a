package it.cabina.generator;

import it.cabina.warehouse.identity.TaxCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class PersonFactoryTest {

    @Test
    void buildsTheTextbookTaxCode() {
        assertEquals("RSSMRA85T10A562S", PersonFactory.build("Rossi", "Mario", "M", LocalDate.of(1985, 12, 10), "A562"));
    }

    @Test
    void womenHaveFortyAddedToTheDayAndNamesWithFewConsonantsUseVowels() {
        String code = PersonFactory.build("Fo", "Ida", "F", LocalDate.of(1950, 1, 5), "F205");
        assertEquals("FOXDIA50A45F205", code.substring(0, 15));
        assertTrue(TaxCode.isValid(code));
    }

    @Test
    void accentsAndApostrophesAreIgnoredAndFourConsonantNamesSkipTheSecond() {
        String code = PersonFactory.build("D'Angelo", "Nicolò", "M", LocalDate.of(2001, 7, 31), "B639");
        assertEquals("DNG", code.substring(0, 3));
        assertEquals("NCL", code.substring(3, 6));
        assertEquals("01L31B639", code.substring(6, 15));
        assertEquals("GCR", PersonFactory.build("X", "Giancarlo", "M", LocalDate.of(2001, 7, 31), "B639").substring(3, 6));
    }

    @Test
    void createdPersonsHaveValidUniqueCodes() {
        PersonFactory f = new PersonFactory(List.of("F205", "B639"));
        Rand r = Rand.derive(1, "test");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            Person p = f.create(r, LocalDate.of(1990, 1, 1), LocalDate.of(1990, 1, 3), null);
            assertTrue(TaxCode.isValid(p.taxCode()), p.taxCode());
            assertTrue(seen.add(p.taxCode()), "duplicate " + p.taxCode());
        }
    }
}
