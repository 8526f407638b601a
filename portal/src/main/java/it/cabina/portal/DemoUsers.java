package it.cabina.portal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** The demo users of `cabina serve --demo`: one per level, with random passwords shown once. */
public final class DemoUsers {
    public record DemoUser(String username, String password, String scope, boolean admin, String description) {}

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoUsers() {}

    /** Writes a new users file with the demo users (replacing any previous demo file) and returns them with their passwords. */
    public static List<DemoUser> create(Path usersFile, TerritoryAccess access) {
        List<DemoUser> users = List.of(
                new DemoUser("ambito.saronno", password(), "AMBITO:AMB-SARONNO", false, "pianificatore dell'Ambito di Saronno"),
                new DemoUser("asst.valleolona", password(), "ASST:030711", false, "ASST della Valle Olona e i suoi Ambiti"),
                new DemoUser("ats.insubria", password(), "ATS:030322", false, "ATS dell'Insubria, le sue ASST e i suoi Ambiti"),
                new DemoUser("regione", password(), "REGIONE:03", true, "amministratore regionale: tutti i territori"));
        UserStore store = UserStore.openOrEmpty(usersFile);
        for (User u : new ArrayList<>(store.users())) store.remove(u.username());
        for (DemoUser u : users) store.put(u.username(), u.password(), List.of(Scope.parse(u.scope())), u.admin(), access);
        store.save();
        return users;
    }

    private static String password() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }
}
