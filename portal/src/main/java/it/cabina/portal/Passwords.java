package it.cabina.portal;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt hashing of passwords. */
public final class Passwords {
    static final int COST = 12;
    static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes of a password. */
    static final int MAX_BYTES = 72;

    /** A hash with the same cost as real ones, to check when the user does not exist (same time either way). */
    private static final String UNKNOWN_USER_HASH = hash("nessun-utente-con-questo-nome");

    private Passwords() {}

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (password == null) return false;
        return BCrypt.verifyer().verify(password.toCharArray(), hash == null ? UNKNOWN_USER_HASH : hash).verified && hash != null;
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) return "la password deve avere almeno " + MIN_LENGTH + " caratteri";
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return "la password non può superare " + MAX_BYTES + " byte";
        return null;
    }
}
