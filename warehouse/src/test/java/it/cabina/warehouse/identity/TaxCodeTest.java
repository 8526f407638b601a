package it.cabina.warehouse.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TaxCodeTest {
    @Test
    void knownCodesAreValid() {
        // The textbook example (Mario Rossi, 10/12/1985, Roma): odd positions R S R 8 T 0 5 2 = 8+12+8+19+14+1+13+5 = 80,
        // even positions S M A 5 1 A 6 = 18+12+0+5+1+0+6 = 42; 122 mod 26 = 18 -> 'S'.
        assertEquals('S', TaxCode.checkCharacter("RSSMRA85T10A562"));
        assertTrue(TaxCode.isValid("RSSMRA85T10A562S"));
        String code = "RSSMRA85T10A562" + TaxCode.checkCharacter("RSSMRA85T10A562");
        assertTrue(TaxCode.isValid(code));
        assertTrue(TaxCode.isValid("  " + code.toLowerCase() + " "), "trimmed and upper-cased before the check");
    }

    @Test
    void omocodiaLettersAreAccepted() {
        String first15 = "RSSMRA85T10A56N"; // last digit 2 -> N
        assertTrue(TaxCode.isValid(first15 + TaxCode.checkCharacter(first15)));
    }

    @Test
    void problemsAreNamed() {
        String good = "RSSMRA85T10A562" + TaxCode.checkCharacter("RSSMRA85T10A562");
        char wrong = good.charAt(15) == 'A' ? 'B' : 'A';
        assertEquals(TaxCode.Problem.CHECK_CHARACTER, TaxCode.problem(good.substring(0, 15) + wrong));
        assertEquals(TaxCode.Problem.LENGTH, TaxCode.problem(good.substring(0, 15)));
        assertEquals(TaxCode.Problem.LENGTH, TaxCode.problem(null));
        assertEquals(TaxCode.Problem.CHARACTERS, TaxCode.problem("1SSMRA85T10A562X"));
        assertEquals(TaxCode.Problem.CHARACTERS, TaxCode.problem("RSSMRA85Z10A562X"), "Z is not a month letter");
    }
}
