package it.cabina.etl.pseudonym;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** The pseudonymiser; the tax-code check it relies on is tested in the warehouse module (TaxCodeTest). */
class PseudonymizerTest {
    @Test
    void pseudonymIsKeyedHmacOfTheNormalizedCode() throws Exception {
        Pseudonymizer p = new Pseudonymizer("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        String a = p.pseudonym("RSSMRA85T10A562S");
        assertEquals(a, p.pseudonym(" rssmra85t10a562s "));
        assertEquals(64, a.length());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals(java.util.HexFormat.of().formatHex(mac.doFinal("RSSMRA85T10A562S".getBytes(StandardCharsets.UTF_8))), a);
        assertNotEquals(a, new Pseudonymizer("fedcba9876543210".getBytes(StandardCharsets.UTF_8)).pseudonym("RSSMRA85T10A562F"));
        assertFalse(p.toString().contains("0123"));
    }
}
