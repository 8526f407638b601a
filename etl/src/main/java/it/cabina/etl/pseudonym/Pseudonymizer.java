package it.cabina.etl.pseudonym;

import it.cabina.warehouse.identity.TaxCode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed pseudonyms: HMAC-SHA-256 of the trimmed, upper-cased tax code, as 64 hex characters.
 * Without the key the pseudonym cannot be reversed or recomputed; with the same key the same
 * person gets the same pseudonym in every source and every Ambito.
 */
public final class Pseudonymizer implements Serializable {
    private static final String ALGORITHM = "HmacSHA256";
    private final byte[] key;
    private transient Mac mac;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < 16) throw new IllegalArgumentException("the pseudonym key must be at least 16 bytes");
        this.key = key.clone();
    }

    public String pseudonym(String taxCode) {
        if (taxCode == null) return null;
        byte[] digest = mac().doFinal(TaxCode.normalize(taxCode).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
            }
        }
        return mac;
    }

    @Override
    public String toString() {
        return "Pseudonymizer[HMAC-SHA-256, key hidden]";
    }
}
